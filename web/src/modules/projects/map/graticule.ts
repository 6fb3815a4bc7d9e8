import L from 'leaflet';

/** Grid spacings in degrees, coarse to fine; the one giving a handful of lines on screen is used. */
const STEPS = [10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001];

function stepFor(span: number): number {
  return STEPS.find((s) => span / s >= 4) ?? STEPS[STEPS.length - 1]!;
}

function decimals(step: number): number {
  return step >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(step)));
}

export interface GraticuleStyle {
  line: string;
  label: string;
  /** CSS font shorthand pieces from the theme. */
  fontSize: number;
  fontFamily: string;
}

/**
 * A latitude/longitude grid with degree labels, redrawn for the visible area after every move.
 * Without a base map (offline) it is what gives the points a frame of reference.
 * @returns a function that removes the grid and its listeners
 */
export function addGraticule(map: L.Map, style: GraticuleStyle): () => void {
  const layer = L.layerGroup().addTo(map);
  const draw = () => {
    layer.clearLayers();
    const b = map.getBounds();
    const latStep = stepFor(b.getNorth() - b.getSouth());
    const lngStep = stepFor(b.getEast() - b.getWest());
    const line = { color: style.line, weight: 1, interactive: false, opacity: 0.9 };
    const label = (text: string, at: L.LatLngExpression, anchor: L.PointExpression) =>
      L.marker(at, {
        interactive: false,
        keyboard: false,
        icon: L.divIcon({
          className: '',
          iconSize: [0, 0],
          iconAnchor: anchor,
          html: `<span style="color:${style.label};font-size:${style.fontSize}px;font-family:${style.fontFamily};white-space:nowrap">${text}</span>`,
        }),
      }).addTo(layer);
    for (let lat = Math.ceil(b.getSouth() / latStep) * latStep; lat <= b.getNorth(); lat += latStep) {
      L.polyline([[lat, b.getWest()], [lat, b.getEast()]], line).addTo(layer);
      label(`${lat.toFixed(decimals(latStep))}°N`, [lat, b.getWest()], [-4, 14]);
    }
    for (let lng = Math.ceil(b.getWest() / lngStep) * lngStep; lng <= b.getEast(); lng += lngStep) {
      L.polyline([[b.getSouth(), lng], [b.getNorth(), lng]], line).addTo(layer);
      label(`${lng.toFixed(decimals(lngStep))}°E`, [b.getNorth(), lng], [-4, -4]);
    }
  };
  map.on('moveend zoomend resize', draw);
  draw();
  return () => {
    map.off('moveend zoomend resize', draw);
    layer.remove();
  };
}
