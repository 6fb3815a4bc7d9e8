import { z } from 'zod';
import { name, pageQuery, version } from './common.js';

/** What a notification is about; the web renders `t('notifications.kinds.<kind>', params)`. */
export const NOTIFICATION_KINDS = ['due_soon', 'overdue', 'returned', 'accepted', 'remind', 'submitted', 'approved', 'reopened', 'delivery_failed'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** Outbound channels: 企业微信, 钉钉 and 飞书 group robots, and e-mail over SMTP. */
export const CHANNEL_KINDS = ['wecom', 'dingtalk', 'feishu', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const notification = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** Parameters of the message: period, unit name, days, … */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Where in the web it leads (a path such as /reports/<id>). */
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export const notificationListQuery = pageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export const unreadCount = z.object({ unread: z.int() });

export const channel = z.object({
  id: z.uuid(),
  kind: z.enum(CHANNEL_KINDS),
  name: z.string(),
  /** Robot webhook URL (wecom/dingtalk/feishu). */
  url: z.string().nullable(),
  /** e-mail recipients. */
  recipients: z.array(z.string()),
  /** Whether a signing secret is set (the secret itself is never answered). */
  hasSecret: z.boolean(),
  events: z.array(z.enum(NOTIFICATION_KINDS)),
  enabled: z.boolean(),
  version: z.int(),
});
const channelFields = {
  kind: z.enum(CHANNEL_KINDS),
  name: name(100),
  url: z.url({ protocol: /^https?$/ }).max(1000).nullable().optional(),
  recipients: z.array(z.email().max(200)).max(50).optional(),
  secret: z.string().trim().max(200).nullable().optional(),
  events: z.array(z.enum(NOTIFICATION_KINDS)).min(1).max(NOTIFICATION_KINDS.length),
  enabled: z.boolean().optional(),
};
export const createChannelBody = z.strictObject(channelFields);
export const updateChannelBody = z.strictObject({ version, ...z.object(channelFields).partial().shape });

export const delivery = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  channelName: z.string(),
  channelKind: z.enum(CHANNEL_KINDS),
  kind: z.enum(NOTIFICATION_KINDS),
  /** A channel's test message (stored as kind `remind` with params.test), not a real notification. */
  test: z.boolean(),
  state: z.enum(DELIVERY_STATES),
  attempts: z.int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export const deliveryListQuery = pageQuery.extend({ state: z.enum(DELIVERY_STATES).optional() });

export type Notification = z.infer<typeof notification>;
export type Channel = z.infer<typeof channel>;
export type CreateChannelBody = z.infer<typeof createChannelBody>;
export type UpdateChannelBody = z.infer<typeof updateChannelBody>;
export type Delivery = z.infer<typeof delivery>;
