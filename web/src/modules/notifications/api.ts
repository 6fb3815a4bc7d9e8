import type { Channel, CreateChannelBody, Delivery, DeliveryState, Notification, UpdateChannelBody } from '@lantu/core';
import { api } from '../../api/client';

export interface Page<T> {
  items: T[];
  total: number;
}

export function fetchNotifications(page: number, pageSize: number, unread?: boolean): Promise<Page<Notification>> {
  return api<Page<Notification>>('/notifications', { query: { page, pageSize, unread: unread ? 'true' : undefined } });
}

export function fetchUnreadCount(): Promise<{ unread: number }> {
  return api<{ unread: number }>('/notifications/unread-count');
}

export function markRead(id: string): Promise<Notification> {
  return api<Notification>(`/notifications/${id}/read`, { method: 'POST' });
}

export function markAllRead(): Promise<{ ok: true }> {
  return api<{ ok: true }>('/notifications/read-all', { method: 'POST' });
}

export function fetchChannels(): Promise<Page<Channel>> {
  return api<Page<Channel>>('/notification-channels');
}

export function createChannel(body: CreateChannelBody): Promise<Channel> {
  return api<Channel>('/notification-channels', { method: 'POST', body });
}

export function updateChannel(id: string, body: UpdateChannelBody): Promise<Channel> {
  return api<Channel>(`/notification-channels/${id}`, { method: 'PATCH', body });
}

export function deleteChannel(id: string): Promise<{ ok: true }> {
  return api<{ ok: true }>(`/notification-channels/${id}`, { method: 'DELETE' });
}

export function testChannel(id: string): Promise<Delivery> {
  return api<Delivery>(`/notification-channels/${id}/test`, { method: 'POST' });
}

export function fetchDeliveries(page: number, pageSize: number, state?: DeliveryState): Promise<Page<Delivery>> {
  return api<Page<Delivery>>('/deliveries', { query: { page, pageSize, state } });
}

export function retryDelivery(id: string): Promise<Delivery> {
  return api<Delivery>(`/deliveries/${id}/retry`, { method: 'POST' });
}
