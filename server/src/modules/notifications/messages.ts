import type { NotificationKind } from '@lantu/core';

type Params = Record<string, string | number>;

/** One outbound message, rendered once and shaped per channel (robot markdown, text, e-mail). */
export interface Message {
  title: string;
  text: string;
  /** Absolute link into the web, when the deployment has a public URL. */
  url: string | null;
}

/** `2021-03` → `2021年3月`; anything else as it is. */
function period(p: Params): string {
  const v = String(p.period ?? '');
  const m = /^(\d{4})-(\d{2})$/.exec(v);
  return m ? `${m[1]}年${Number(m[2])}月` : v;
}

const str = (p: Params, key: string): string => (p[key] === undefined ? '' : String(p[key]));
const unit = (p: Params): string => str(p, 'unitName');
const reason = (p: Params): string => (p.reason ? `，原因：${str(p, 'reason')}` : '');

/**
 * Messages in the zone's language (zh-CN). The web renders in-app notifications itself from the kind
 * and params; these are for robots and e-mail, where the text has to be complete on its own.
 */
const TEMPLATES: Record<NotificationKind, (p: Params) => { title: string; text: string }> = {
  due_soon: (p) => ({
    title: '月度报送即将截止',
    text: `${unit(p)}${period(p)}月度报送${p.days ? `距截止还有${str(p, 'days')}天` : '即将截止'}${p.dueDate ? `（截止日期${str(p, 'dueDate')}）` : ''}，请尽快填报并提交。`,
  }),
  overdue: (p) => ({
    title: '月度报送已逾期',
    text: `${unit(p)}${period(p)}月度报送已逾期${p.days ? `${str(p, 'days')}天` : ''}，请尽快提交。`,
  }),
  returned: (p) => ({ title: '月度报送被退回', text: `${unit(p)}${period(p)}月度报送被退回${reason(p)}，请修改后重新提交。` }),
  accepted: (p) => ({ title: '月度报送已审核通过', text: `${unit(p)}${period(p)}月度报送已由目标办审核通过。` }),
  remind: (p) =>
    p.test
      ? { title: '通知渠道测试', text: `这是一条来自蓝图平台的测试消息：通知渠道「${str(p, 'channelName')}」配置正确。` }
      : { title: '月度报送催报', text: `目标办提醒：${unit(p)}${period(p)}月度报送尚未提交，请尽快填报。` },
  submitted: (p) => ({ title: '月度报送待审核', text: `${unit(p)}${period(p)}月度报送已提交，请单位负责人审核。` }),
  approved: (p) => ({ title: '月度报送待目标办审核', text: `${unit(p)}${period(p)}月度报送已经单位负责人审核，请目标办审核。` }),
  reopened: (p) => ({ title: '月度报送已重新打开', text: `${unit(p)}${period(p)}月度报送已由目标办重新打开${reason(p)}，请修改后重新提交。` }),
  delivery_failed: (p) => ({
    title: '通知发送失败',
    text: `通知渠道「${str(p, 'channelName')}」发送失败（已尝试${str(p, 'attempts')}次）：${str(p, 'error')}`,
  }),
};

/**
 * Renders a notification for outbound channels; `publicUrl` turns the in-app link into an absolute one.
 * @throws never
 */
export function renderMessage(kind: NotificationKind, params: Params, link: string | null, publicUrl: string | null): Message {
  const { title, text } = TEMPLATES[kind](params);
  const url = link && publicUrl ? `${publicUrl}${link.startsWith('/') ? '' : '/'}${link}` : null;
  return { title: `【蓝图】${title}`, text, url };
}
