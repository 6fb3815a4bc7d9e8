import { useMemo } from 'react';
import { theme, type GlobalToken } from 'antd';
import type { CircleMarkerOptions } from 'leaflet';
import type { useTranslation } from 'react-i18next';
import type { ProjectMapPoint, ProjectStatus } from '@lantu/core';

type TFn = ReturnType<typeof useTranslation>['t'];

const MIN_RADIUS = 6;
const MAX_RADIUS = 22;

/** Map colours per status from the theme: in production blue, on track green, warning amber, behind red. */
export function statusMapColor(token: GlobalToken, status: ProjectStatus): string {
  return { done: token.colorPrimary, green: token.colorSuccess, yellow: token.colorWarning, red: token.colorError }[status];
}

export interface MarkerLook {
  color: (status: ProjectStatus) => string;
  /** Radius by the square root of the total investment, so the area grows with the money. */
  radius: (p: Pick<ProjectMapPoint, 'totalInvestment'>, maxTotal: number) => number;
  style: (p: ProjectMapPoint, maxTotal: number) => CircleMarkerOptions;
  token: GlobalToken;
  money: (wan: number) => string;
}

export function useMarkerLook(money: (wan: number) => string): MarkerLook {
  const { token } = theme.useToken();
  return useMemo(() => {
    const color = (s: ProjectStatus) => statusMapColor(token, s);
    const radius = (p: Pick<ProjectMapPoint, 'totalInvestment'>, maxTotal: number) =>
      MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(Math.max(0, p.totalInvestment) / Math.max(1, maxTotal));
    const style = (p: ProjectMapPoint, maxTotal: number): CircleMarkerOptions => ({
      radius: radius(p, maxTotal),
      color: token.colorBgContainer,
      weight: 1.5,
      fillColor: color(p.status),
      fillOpacity: 0.8,
    });
    return { color, radius, style, token, money };
  }, [token, money]);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text: string | null, css: Partial<CSSStyleDeclaration> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== null) node.textContent = text;
  Object.assign(node.style, css);
  return node;
}

/**
 * A point's popup as DOM nodes (text set as text, never as HTML: names come from user input),
 * with a link that opens the project page inside the app.
 */
export function popupContent(p: ProjectMapPoint, t: TFn, look: MarkerLook, open: (id: string) => void): HTMLElement {
  const { token } = look;
  const root = el('div', null, { fontFamily: token.fontFamily, color: token.colorText, minWidth: '200px' });
  root.dataset.testid = 'map-popup';
  root.append(el('div', p.code, { color: token.colorTextTertiary, fontSize: `${token.fontSizeSM}px` }));
  root.append(el('div', p.name, { fontWeight: '600', fontSize: `${token.fontSize}px`, marginBottom: `${token.marginXS}px` }));
  const row = (label: string, value: string, color?: string) => {
    const line = el('div', null, { fontSize: `${token.fontSizeSM}px`, lineHeight: '1.7' });
    line.append(el('span', t('projects.labelColon', { label }), { color: token.colorTextSecondary }), el('span', value, color ? { color, fontWeight: '600' } : {}));
    root.append(line);
  };
  row(t('projects.fields.status'), t(`projects.status.${p.status}`), look.color(p.status));
  row(t('projects.fields.stage'), t(`projects.stage.${p.stage}`));
  row(t('projects.fields.category'), t(`projects.category.${p.category}`));
  row(t('projects.fields.totalInvestment'), look.money(p.totalInvestment));
  if (p.address) row(t('projects.fields.address'), p.address);
  const link = el('a', t('projects.map.open'), { display: 'inline-block', marginTop: `${token.marginXS}px`, color: token.colorLink });
  link.href = `/projects/${p.id}`;
  link.dataset.testid = 'map-popup-open';
  link.addEventListener('click', (e) => {
    e.preventDefault();
    open(p.id);
  });
  root.append(link);
  return root;
}
