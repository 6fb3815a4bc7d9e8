import { useEffect, useMemo, useRef } from 'react';
import { theme } from 'antd';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useTranslation } from 'react-i18next';
import type { ProjectMapPoint } from '@lantu/core';
import { addGraticule } from './graticule';
import { popupContent, useMarkerLook } from './markers';
import { useMoney } from '../format';

interface Props {
  points: ProjectMapPoint[];
  /** A base-map tile URL from the server's configuration; none → no tiles (works offline). */
  tileUrl: string | null;
  onOpen: (id: string) => void;
  height: number;
}

/** China, for a registry without a single located project. */
const FALLBACK_VIEW: [L.LatLngTuple, number] = [[35, 105], 4];

/**
 * The projects on a Leaflet map: circle markers coloured by status and sized by total investment,
 * a popup with the facts and a link to the project; a degree grid and scale instead of tiles offline.
 */
export function ProjectMap({ points, tileUrl, onOpen, height }: Props) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const { money } = useMoney();
  const look = useMarkerLook(money);
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const openRef = useRef(onOpen);
  useEffect(() => {
    openRef.current = onOpen;
  }, [onOpen]);

  useEffect(() => {
    if (!el.current) return;
    // zoom buttons on the right: the left and top edges carry the grid's degree labels
    const m = L.map(el.current, { zoomControl: false, attributionControl: true, worldCopyJump: false });
    L.control.zoom({ position: 'topright' }).addTo(m);
    m.attributionControl.setPrefix('Leaflet');
    m.setView(...FALLBACK_VIEW);
    L.control.scale({ imperial: false, position: 'bottomright' }).addTo(m);
    map.current = m;
    const observer = new ResizeObserver(() => m.invalidateSize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (tileUrl) {
      const tiles = L.tileLayer(tileUrl, { maxZoom: 18 }).addTo(m);
      return () => void tiles.remove();
    }
    return addGraticule(m, { line: token.colorBorderSecondary, label: token.colorTextTertiary, fontSize: token.fontSizeSM, fontFamily: token.fontFamily });
  }, [tileUrl, token]);

  const maxTotal = useMemo(() => Math.max(1, ...points.map((p) => p.totalInvestment)), [points]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const layer = L.featureGroup().addTo(m);
    const sorted = [...points].sort((a, b) => b.totalInvestment - a.totalInvestment);
    for (const p of sorted) {
      const marker = L.circleMarker([p.lat, p.lng], look.style(p, maxTotal)).addTo(layer);
      marker.bindTooltip(p.name, { direction: 'top', offset: [0, -look.radius(p, maxTotal)] });
      marker.bindPopup(() => popupContent(p, t, look, (id) => openRef.current(id)), { minWidth: 220 });
    }
    return () => void layer.remove();
    // the language is in the deps so popups follow a switch
  }, [points, maxTotal, look, t, i18n.language]);

  useEffect(() => {
    const m = map.current;
    if (!m || points.length === 0) return;
    const bounds = L.latLngBounds(points.map((p) => [p.lat, p.lng] as L.LatLngTuple));
    m.fitBounds(bounds, { padding: [48, 48], maxZoom: 15 });
  }, [points]);

  return (
    <div
      ref={el}
      data-testid="map-canvas"
      role="region"
      aria-label={t('projects.map.aria', { count: points.length })}
      style={{ height, width: '100%', background: token.colorBgLayout, borderRadius: token.borderRadiusLG, zIndex: 0 }}
    />
  );
}
