import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateChannelBody, DeliveryState, UpdateChannelBody } from '@lantu/core';
import * as notificationsApi from './api';

export const NOTIFICATIONS_KEY = ['notifications'] as const;
const CHANNELS_KEY = ['channels'] as const;

/** How often the bell asks for the unread count (and on every return to the tab). */
export const UNREAD_POLL_MS = 60_000;

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: notificationsApi.fetchUnreadCount,
    enabled,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: 'always',
  });
}

export function useNotifications(page: number, pageSize: number, unread: boolean, enabled = true) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', page, pageSize, unread],
    queryFn: () => notificationsApi.fetchNotifications(page, pageSize, unread),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useInboxMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }) });
}

export function useMarkRead() {
  return useInboxMutation((id: string) => notificationsApi.markRead(id));
}

export function useMarkAllRead() {
  return useInboxMutation(() => notificationsApi.markAllRead());
}

export function useChannels() {
  return useQuery({ queryKey: [...CHANNELS_KEY, 'list'], queryFn: notificationsApi.fetchChannels });
}

export function useDeliveries(page: number, pageSize: number, state: DeliveryState | undefined) {
  return useQuery({
    queryKey: [...CHANNELS_KEY, 'deliveries', page, pageSize, state],
    queryFn: () => notificationsApi.fetchDeliveries(page, pageSize, state),
    placeholderData: keepPreviousData,
    // sends and retries happen on the server's schedule: keep the outbox current while it is watched
    refetchInterval: 15_000,
  });
}

/** Channel changes refresh channels and the outbox (a test message is a delivery). */
function useChannelMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: CHANNELS_KEY }) });
}

export function useCreateChannel() {
  return useChannelMutation((body: CreateChannelBody) => notificationsApi.createChannel(body));
}

export function useUpdateChannel() {
  return useChannelMutation(({ id, body }: { id: string; body: UpdateChannelBody }) => notificationsApi.updateChannel(id, body));
}

export function useDeleteChannel() {
  return useChannelMutation((id: string) => notificationsApi.deleteChannel(id));
}

export function useTestChannel() {
  return useChannelMutation((id: string) => notificationsApi.testChannel(id));
}

export function useRetryDelivery() {
  return useChannelMutation((id: string) => notificationsApi.retryDelivery(id));
}
