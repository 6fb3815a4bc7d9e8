import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { ChannelKind } from '@lantu/core';
import type { Message } from './messages.js';

/** Nothing outbound may hold a scheduler tick for long: one robot or SMTP server gets 5 s. */
export const SEND_TIMEOUT_MS = 5000;

/** What a send needs of a channel. */
export interface ChannelTarget {
  kind: ChannelKind;
  url: string | null;
  secret: string | null;
  recipients: string[];
}

/** The deployment's outbound settings (config.ts). */
export interface Outbound {
  smtpUrl: string | null;
  smtpFrom: string | null;
  publicUrl: string | null;
}

/** A failed send; the message is safe to store and show (tokens and secrets masked). */
export class SendError extends Error {}

const TOKEN_PARAMS = /^(access_token|key|token|sign|timestamp)$/i;

/**
 * A webhook URL fit for logs and error texts: token-like query values, robot hook ids and
 * credentials become `***` (a leaked robot URL lets anyone post into the group).
 * @throws never (an unparsable URL is masked whole)
 */
export function maskUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return '***';
  }
  if (u.username) u.username = '***';
  if (u.password) u.password = '***';
  for (const k of [...u.searchParams.keys()]) if (TOKEN_PARAMS.test(k)) u.searchParams.set(k, '***');
  // 飞书 puts the robot's token in the path: /open-apis/bot/v2/hook/<token>.
  u.pathname = u.pathname.replace(/\/hook\/[^/]+/, '/hook/***');
  return u.toString().replaceAll('%2A%2A%2A', '***');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Every value of a channel that must never reach a log or an error text. */
function sensitiveParts(channel: ChannelTarget, outbound: Outbound): string[] {
  const parts: string[] = [];
  if (channel.secret) parts.push(channel.secret);
  for (const raw of [channel.url, channel.kind === 'email' ? outbound.smtpUrl : null]) {
    if (!raw || !URL.canParse(raw)) continue;
    const u = new URL(raw);
    parts.push(raw, u.password, safeDecode(u.password), ...[...u.searchParams].filter(([k]) => TOKEN_PARAMS.test(k)).map(([, v]) => v));
    const hook = /\/hook\/([^/]+)/.exec(u.pathname)?.[1];
    if (hook) parts.push(hook);
  }
  return parts.filter((p) => p.length >= 4).sort((a, b) => b.length - a.length);
}

function sanitize(text: string, channel: ChannelTarget, outbound: Outbound): string {
  let out = text;
  for (const part of sensitiveParts(channel, outbound)) out = out.replaceAll(part, part === channel.url ? maskUrl(part) : '***');
  return out.slice(0, 500);
}

const hmacBase64 = (key: string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest('base64');

/** Cuts a text to at most `bytes` UTF-8 bytes without splitting a character (企业微信 markdown: 4096 bytes). */
function clipBytes(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > bytes - 3) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * The HTTP request a group robot expects, signed where the platform signs:
 * 企业微信 markdown (no signing); 钉钉 markdown with 加签 (HMAC-SHA256 keyed by the secret over
 * `timestamp_ms\nsecret`, base64, URL-encoded, in the query); 飞书 text with 签名校验 (HMAC-SHA256 keyed by
 * `timestamp_s\nsecret` over an empty message, base64, in the body).
 * @throws never
 */
export function robotRequest(channel: ChannelTarget, message: Message, now: Date): { url: string; body: Record<string, unknown> } {
  const url = channel.url ?? '';
  const link = message.url;
  if (channel.kind === 'wecom') {
    const content = clipBytes(`**${message.title}**\n${message.text}${link ? `\n[查看详情](${link})` : ''}`, 4096);
    return { url, body: { msgtype: 'markdown', markdown: { content } } };
  }
  if (channel.kind === 'dingtalk') {
    const body = { msgtype: 'markdown', markdown: { title: message.title, text: `#### ${message.title}\n\n${message.text}${link ? `\n\n[查看详情](${link})` : ''}` } };
    if (!channel.secret) return { url, body };
    const timestamp = String(now.getTime());
    const sign = encodeURIComponent(hmacBase64(channel.secret, `${timestamp}\n${channel.secret}`));
    return { url: `${url}${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${sign}`, body };
  }
  const body: Record<string, unknown> = { msg_type: 'text', content: { text: `${message.title}\n${message.text}${link ? `\n${link}` : ''}` } };
  if (channel.secret) {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    Object.assign(body, { timestamp, sign: hmacBase64(`${timestamp}\n${channel.secret}`, '') });
  }
  return { url, body };
}

/** Robots answer HTTP 200 with an error code in the body: 企业微信/钉钉 `errcode`, 飞书 `code` (older: `StatusCode`). */
function robotError(kind: ChannelKind, text: string): string | null {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return `response is not JSON: ${text.slice(0, 100)}`;
  }
  const code = kind === 'feishu' ? (json.code ?? json.StatusCode) : json.errcode;
  if (code === 0) return null;
  const msg = json.errmsg ?? json.msg ?? json.StatusMessage ?? '';
  return code === undefined ? `unexpected response: ${text.slice(0, 100)}` : `errcode ${String(code)}: ${String(msg)}`;
}

async function postRobot(channel: ChannelTarget, message: Message, now: Date): Promise<void> {
  const { url, body } = robotRequest(channel, message, now);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    redirect: 'manual',
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  const text = await res.text();
  if (res.status < 200 || res.status > 299) throw new SendError(`HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
  const error = robotError(channel.kind, text);
  if (error) throw new SendError(error);
}

async function sendMail(channel: ChannelTarget, message: Message, outbound: Outbound): Promise<void> {
  if (!outbound.smtpUrl) throw new SendError('SMTP is not configured (SMTP_URL)');
  const transport = nodemailer.createTransport({
    url: outbound.smtpUrl,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  const from = outbound.smtpFrom ?? `蓝图 <lantu@${new URL(outbound.smtpUrl).hostname}>`;
  const text = `${message.text}${message.url ? `\n\n${message.url}` : ''}\n\n—— 蓝图平台自动发送，请勿直接回复。`;
  try {
    await transport.sendMail({ from, to: channel.recipients, subject: message.title, text });
  } finally {
    transport.close();
  }
}

/** Rejects after the send timeout, whatever the transport does. */
function deadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendError(`timed out after ${SEND_TIMEOUT_MS / 1000} s`)), SEND_TIMEOUT_MS + 100);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

function errorText(err: unknown): string {
  if (err instanceof SendError) return err.message;
  if (err instanceof Error) {
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timed out after ${SEND_TIMEOUT_MS / 1000} s`;
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return cause ? `${err.message}: ${cause.code ?? cause.message ?? ''}` : err.message;
  }
  return String(err);
}

/**
 * Sends one message to one channel within the send timeout.
 * @throws SendError with a text safe to store (no tokens, no secrets, no SMTP password)
 */
export async function sendMessage(channel: ChannelTarget, message: Message, outbound: Outbound, now: Date): Promise<void> {
  try {
    await deadline(channel.kind === 'email' ? sendMail(channel, message, outbound) : postRobot(channel, message, now));
  } catch (err) {
    throw new SendError(sanitize(errorText(err), channel, outbound));
  }
}
