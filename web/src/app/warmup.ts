import { lazy, type ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { createBrowserRouter, Params } from 'react-router';
import type { MeResponse } from '@lantu/core';
import { meQuery } from '../modules/auth/hooks';

type Router = ReturnType<typeof createBrowserRouter>;

/** What a signed-in user's route may start loading before it renders. */
export interface DataWarmUp {
  params: Params;
  search: URLSearchParams;
  queryClient: QueryClient;
  me: MeResponse;
}

/**
 * A route's `handle`: its code, and the data it shows first. Both start as soon as the route
 * matches, side by side with the session check and the layout's code, instead of one after the
 * other as the screens render.
 */
export interface WarmUp {
  code?: () => Promise<unknown>;
  /** May return a promise while it is still sending its requests: the code waits for them. */
  data?: (ctx: DataWarmUp) => Promise<void> | void;
}

/** A lazily loaded page whose code can also be fetched ahead (`.load`). */
export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  return Object.assign(lazy(load), { load });
}

function isWarmUp(handle: unknown): handle is WarmUp {
  return typeof handle === 'object' && handle !== null && ('code' in handle || 'data' in handle);
}

/** Warms up the routes of every location the router goes to, the first one included. */
export function warmUpRoutes(router: Router, queryClient: QueryClient): void {
  let last: string | null = null;
  const run = ({ matches, location }: Router['state']) => {
    const key = location.pathname + location.search;
    if (key === last) return;
    last = key;
    const handles = matches.flatMap((m) => (isWarmUp(m.route.handle) ? [{ handle: m.route.handle, params: m.params }] : []));
    const loadCode = () => {
      for (const { handle } of handles) void handle.code?.().catch(() => undefined); // rendering retries and reports
    };
    if (!handles.some(({ handle }) => handle.data)) return loadCode();
    const search = new URLSearchParams(location.search);
    // The session first: the browser has few connections per server and the code has many files;
    // the data then goes out ahead of the code, and only for a session that will see the page
    // (anybody else is sent elsewhere by the guards).
    queryClient
      .fetchQuery(meQuery)
      .then(async (me) => {
        if (me?.stage !== 'ok' || me.user.mustChangePassword) return;
        await Promise.all(handles.map(({ handle, params }) => handle.data?.({ params, search, queryClient, me })));
      })
      .catch(() => undefined)
      .finally(loadCode);
  };
  run(router.state);
  router.subscribe(run);
}
