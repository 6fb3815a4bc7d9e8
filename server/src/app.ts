import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { frameworkErrorHandler, installErrorHandler, messageFor, pickLocale } from './platform/errors.js';
import { installGuard, type RouteEntry } from './platform/guard.js';
import { installInputChecks } from './platform/input.js';
import type { AppDeps, ModuleDeps } from './platform/http.js';
import { AppError } from './platform/errors.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { unitRoutes } from './modules/units/units.routes.js';
import { zoneRoutes } from './modules/zones/zones.routes.js';
import { securityRoutes } from './modules/security/security.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { planRoutes } from './modules/plans/plans.routes.js';
import { itemRoutes } from './modules/plans/items.routes.js';
import { indicatorRoutes } from './modules/indicators/indicators.routes.js';
import { valueRoutes } from './modules/indicators/values.routes.js';
import { exchangeRoutes } from './modules/exchange/exchange.routes.js';
import { projectRoutes } from './modules/projects/projects.routes.js';
import { progressRoutes } from './modules/projects/progress.routes.js';
import { problemRoutes } from './modules/projects/problems.routes.js';
import { photoRoutes } from './modules/projects/photos.routes.js';
import { projectExchangeRoutes } from './modules/projects/projects-exchange.routes.js';
import { cycleRoutes } from './modules/reporting/cycles.routes.js';
import { reportRoutes } from './modules/reporting/reports.routes.js';
import { reportFileRoutes } from './modules/reporting/report-files.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { channelRoutes } from './modules/notifications/channels.routes.js';

export interface BuiltApp extends FastifyInstance {
  /** From now on new requests get 503 while in-flight ones finish (graceful shutdown). */
  beginShutdown(): void;
  /** Every /api route with its declared access rule (the authorisation matrix test walks it). */
  apiRoutes: RouteEntry[];
}

const MODULES = [
  healthRoutes, authRoutes, zoneRoutes, unitRoutes, userRoutes, securityRoutes, auditRoutes, planRoutes, itemRoutes, indicatorRoutes, valueRoutes, exchangeRoutes, projectRoutes, progressRoutes, problemRoutes, photoRoutes, projectExchangeRoutes,
  cycleRoutes, reportRoutes, reportFileRoutes, notificationRoutes, channelRoutes,
];

/** Builds the whole HTTP application around its dependencies; never listens (tests inject). */
export async function buildApp(deps: AppDeps): Promise<BuiltApp> {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  let stopping = false;
  app.addHook('onRequest', async (_req, reply) => {
    if (stopping) {
      reply.header('connection', 'close');
      throw new AppError('service_unavailable');
    }
  });

  await app.register(cookie);
  // Answers over 1 KB compressed for clients that accept it (brotli at quality 4, else gzip): a
  // zone-size plan's items are ~750 KB of JSON, ~60 KB compressed. Workbooks, images and PDFs are
  // compressed already and pass as they are; the web's files are compressed at build time.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // A configured map tile server must be allowed to serve the base map's images.
        imgSrc: ["'self'", 'data:', 'blob:', ...(deps.config.mapTileUrl ? [new URL(deps.config.mapTileUrl.replace(/\{[a-z]\}/g, '0')).origin] : [])],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    hsts: deps.config.nodeEnv === 'production',
  });
  await app.register(swagger, {
    openapi: { info: { title: 'Lantu API', version: '0.1.0', description: '蓝图 — development zone strategic plan delivery' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (csp) => csp.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });

  const apiRoutes = installGuard(app, { db: deps.database.db, clock: deps.clock });
  installInputChecks(app);
  const moduleDeps: ModuleDeps = { ...deps, db: deps.database.db };
  for (const mod of MODULES) await app.register(mod, moduleDeps);
  await serveWeb(app, deps.config.webDist);

  const built = app as unknown as BuiltApp;
  built.apiRoutes = apiRoutes;
  built.beginShutdown = () => {
    stopping = true;
  };
  return built;
}

/** Serves the built web app with a history fallback; /api paths keep their JSON 404. */
async function serveWeb(app: FastifyInstance, dist: string): Promise<void> {
  const hasWeb = fs.existsSync(path.join(dist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      serve: true,
      prefix: '/',
      // The build writes .br and .gz beside each file; those are sent to clients that accept them.
      preCompressed: true,
      // Files under /assets/ carry their content hash in their name: a browser keeps them for a year
      // without asking again (a new build has new names; index.html itself is never cached).
      setHeaders: (reply, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  const html = hasWeb ? fs.readFileSync(path.join(dist, 'index.html')) : undefined;
  app.setNotFoundHandler((req, reply) => {
    // A missing hashed asset is a 404, not the app shell (old tabs after a redeploy must see it fail).
    if (!html || req.method !== 'GET' || req.url.startsWith('/api') || req.url.startsWith('/assets/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: messageFor('not_found', pickLocale(req.headers['accept-language'])) } });
    }
    return reply.type('text/html').header('cache-control', 'no-cache').send(html);
  });
}
