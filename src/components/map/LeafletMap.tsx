/**
 * The map itself (react-leaflet). MapContainer's props are set once; everything that moves the
 * map or redraws markers lives in children that call useMap().
 */
import L from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { GeoJSON, MapContainer, Marker, Pane, Popup, TileLayer, useMap, useMapEvents, ZoomControl } from 'react-leaflet';
import type { FeatureCollection } from 'geojson';
import { createTranslator, formatNumber, type Key, type Translate } from '../../i18n/translate.ts';
import { leftToRight } from '../../i18n/bidi.ts';
import { KINDS, kindSymbol } from '../../lib/kinds.ts';
import { ClusterIndex, groupBubbles, type Bubble, type BubbleGroup, type ClusterItem } from '../../lib/map/clusters.ts';
import { mapPoint, type MapPoint } from '../../lib/map/points.ts';
import { placeUrl, SEARCH_FILES } from '../../lib/routes.ts';
import type { Meta } from '../../lib/search/data.ts';
import { engine } from '../search/browser-engine.ts';
import { entryToken } from '../../lib/orient/selection.ts';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      /** "Ajouter à ma sélection" (components/selection/selection-toggle.ts). */
      'selection-toggle': { 'data-entry': string; 'data-name': string };
    }
  }
}
import { emit } from '../events.ts';
import type { HelpMapProps } from './MapIsland.tsx';

const FRANCE: L.LatLngBoundsExpression = [
  [41.3, -5.2],
  [51.1, 9.6],
];
/** A bubble's width in pixels: closer bubbles merge. */
const BUBBLE_PIXELS = 46;
/**
 * A popup moves the map to show itself below the buttons along the map's top (zoom, 75 px high;
 * « Rechercher dans cette zone », 56 px): under them, its name and phone were hidden on a phone.
 */
const POPUP_CLEARANCE: L.PointExpression = [10, 80];
/** Below this zoom the overview shows one bubble per département. */
const DETAIL_ZOOM = 8;

function markerIcon(point: MapPoint, highlighted: boolean, here?: string): L.DivIcon {
  return L.divIcon({
    className: `map-marker map-marker--${point.kind}${highlighted ? ' is-highlighted' : ''}${here ? ' is-current' : ''}`,
    // The place of the page is named on the map itself: which dot it is shows without tiles too.
    html: here ? `${kindSymbol(point.kind)}<span class="map-marker-label">${here.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)}</span>` : kindSymbol(point.kind),
    iconSize: [28, 28],
    iconAnchor: [14, 14],
    popupAnchor: [0, -12],
  });
}

/** A bubble shows its count as the words write it: its name (`map.cluster`…) starts with that same text. */
function clusterIcon(count: number, t: Translate): L.DivIcon {
  const size = count < 10 ? 34 : count < 100 ? 42 : 50;
  return L.divIcon({
    className: 'map-cluster',
    html: `<span>${formatNumber(count, t.locale)}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

/** The markers whose popup already listens for Escape. */
const escaping = new WeakSet<L.Marker>();

/**
 * Leaflet makes markers focusable; this names them for screen readers and makes Enter and
 * Space act like a click, as on any button (Leaflet only listens to the old keypress event).
 * A popup opened so takes the focus; Escape closes it, from inside or from the marker, and the
 * focus comes back to the marker: Leaflet's own Escape works only when the whole map has the focus.
 */
function describe(marker: L.Marker, label: string): void {
  const element = marker.getElement();
  if (!element) return;
  element.setAttribute('role', 'button');
  element.setAttribute('aria-label', label);
  const closeOnEscape = (event: KeyboardEvent): boolean => {
    if (event.key !== 'Escape' || !marker.isPopupOpen()) return false;
    event.preventDefault();
    marker.closePopup();
    marker.getElement()?.focus();
    return true;
  };
  element.onkeydown = (event) => {
    if (closeOnEscape(event) || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    marker.fire('click', { latlng: marker.getLatLng(), originalEvent: event });
    // Opened from the keyboard, the popup takes the focus: its links follow the markers in the page, out of Tab's reach.
    // React writes its content a moment after it opens: looked for at each frame, for a second at most.
    const until = performance.now() + 1000;
    const focusPopup = () => {
      const link = marker.isPopupOpen() ? marker.getPopup()?.getElement()?.querySelector<HTMLElement>('.leaflet-popup-content a') : null;
      if (link) link.focus();
      else if (marker.isPopupOpen() && performance.now() < until) requestAnimationFrame(focusPopup);
    };
    focusPopup();
  };
  // Once per marker (a marker is added again each time the map redraws its groups).
  if (escaping.has(marker)) return;
  escaping.add(marker);
  marker.on('popupopen', ({ popup }) => {
    const box = popup.getElement();
    // Not closeOnEscape itself: a handler that returns false cancels the key (Tab did nothing in the popup).
    if (box) box.onkeydown = (event) => void closeOnEscape(event);
  });
}

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(path);
  return response.json() as Promise<T>;
}

/** Places of the départements in view, asked of the page's search engine: each file is fetched and decoded once, for the search and the map. */
function useOverviewPoints(enabled: boolean): { bubbles: Bubble[]; points: MapPoint[] | null; onView: (map: L.Map) => void } {
  const [meta, setMeta] = useState<Meta | null>(null);
  const [points, setPoints] = useState<MapPoint[] | null>(null);
  const loaded = useRef(new Map<string, MapPoint[]>());

  useEffect(
    function loadMeta() {
      if (enabled) engine.meta().then(setMeta, () => setMeta(null));
    },
    [enabled],
  );

  const bubbles = useMemo(
    () =>
      meta
        ? Object.entries(meta.departements)
            .filter(([, departement]) => departement.places > 0)
            .map(([code, departement]) => ({ code, name: departement.name, count: departement.places, ...departement.centre }))
        : [],
    [meta],
  );

  function onView(map: L.Map): void {
    if (!meta || map.getZoom() < DETAIL_ZOOM) {
      setPoints(null);
      return;
    }
    const view = map.getBounds().pad(0.5);
    const codes = bubbles.filter((bubble) => view.contains([bubble.lat, bubble.lon])).map((bubble) => bubble.code);
    Promise.all(
      codes.map(async (code) => {
        if (!loaded.current.has(code))
          loaded.current.set(
            code,
            (await engine.placesIn(code)).map((place) => mapPoint(place)),
          );
        return loaded.current.get(code)!;
      }),
    ).then(
      (lists) => setPoints(lists.flat()),
      () => setPoints([]),
    );
  }
  return { bubbles, points, onView };
}

function Outline() {
  const [outline, setOutline] = useState<FeatureCollection | null>(null);
  useEffect(function loadOutline() {
    fetchJson<FeatureCollection>(SEARCH_FILES.outline).then(setOutline, () => setOutline(null));
  }, []);
  return outline ? (
    <Pane name="outline" style={{ zIndex: 150 }}>
      <GeoJSON data={outline} style={{ color: '#7d8797', weight: 1, fillColor: '#eef1f5', fillOpacity: 1 }} interactive={false} />
    </Pane>
  ) : null;
}

function FitTo({ points }: { points: MapPoint[] }) {
  const map = useMap();
  useEffect(
    function fit() {
      if (points.length === 1) map.setView([points[0]!.lat, points[0]!.lon], 15);
      else if (points.length > 1) map.fitBounds(L.latLngBounds(points.map((point) => [point.lat, point.lon])).pad(0.15));
    },
    [map, points],
  );
  return null;
}

function Markers({
  t,
  points,
  bubbles,
  highlighted,
  current,
  onDrawn,
  onView,
}: {
  t: Translate;
  points: MapPoint[] | null;
  bubbles: Bubble[];
  highlighted: string | null;
  /** The place of the page: drawn apart, never in a cluster, named on the map. */
  current?: string;
  onDrawn: () => void;
  onView?: (map: L.Map) => void;
}) {
  const map = useMap();
  const here = points?.find((point) => point.id === current);
  const index = useMemo(() => (points ? new ClusterIndex(points.filter((point) => point.id !== current)) : null), [points, current]);
  const [items, setItems] = useState<ClusterItem[]>([]);
  const [groups, setGroups] = useState<BubbleGroup[]>([]);
  const markers = useRef(new Map<string, L.Marker>());

  function redraw(): void {
    // Bubbles closer than a bubble's width merge, so that none overlaps (a phone at national zoom).
    setGroups(groupBubbles(bubbles, (bubble) => map.latLngToContainerPoint([bubble.lat, bubble.lon]), BUBBLE_PIXELS));
    if (!index) return setItems([]);
    const bounds = map.getBounds();
    setItems(index.view([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], map.getZoom()));
  }
  useMapEvents({
    moveend() {
      redraw();
      onView?.(map);
    },
  });
  useEffect(redraw, [index, bubbles]);
  useEffect(function reportDrawn() {
    // The place of the page is drawn apart: the index may hold no other point.
    if (index ? items.length > 0 || (points?.length ?? 0) === (here ? 1 : 0) : bubbles.length > 0 || !onView) onDrawn();
  });
  useEffect(
    function openHighlighted() {
      if (!highlighted) return;
      const marker = markers.current.get(highlighted);
      if (marker) return void marker.openPopup();
      // Out of view (an open popup may have moved the map): bring it back; the next drawing opens it.
      const point = points?.find((item) => item.id === highlighted);
      if (point && !map.getBounds().contains([point.lat, point.lon])) map.panTo([point.lat, point.lon]);
    },
    [highlighted, items],
  );

  if (!index) {
    return (
      <>
        {groups.map((group) => (
          <Marker
            key={group.members.map((member) => member.code).join('-')}
            position={[group.lat, group.lon]}
            icon={clusterIcon(group.count, t)}
            keyboard
            eventHandlers={{
              add: (event) =>
                describe(
                  event.target as L.Marker,
                  group.members.length === 1
                    ? t('map.departementBubble', { name: group.members[0]!.name, places: t('count.places', { count: group.count }) })
                    : t('map.departementsBubble', { names: group.members.map((member) => member.name).join(', '), places: t('count.places', { count: group.count }) }),
                ),
              click: () =>
                group.members.length === 1 ? map.setView([group.lat, group.lon], DETAIL_ZOOM + 1) : map.fitBounds(L.latLngBounds(group.members.map((member) => [member.lat, member.lon])).pad(0.3)),
            }}
          />
        ))}
      </>
    );
  }
  return (
    <>
      {here && (
        <Marker
          key={`here-${here.id}`}
          position={[here.lat, here.lon]}
          icon={markerIcon(here, false, t('map.here'))}
          zIndexOffset={1000}
          keyboard
          eventHandlers={{ add: (event) => describe(event.target as L.Marker, t('map.markerHere', { name: here.name })) }}
        />
      )}
      {items.map((item) =>
        item.type === 'cluster' ? (
          <Marker
            key={`c${item.id}`}
            position={[item.lat, item.lon]}
            icon={clusterIcon(item.count, t)}
            keyboard
            eventHandlers={{
              add: (event) => describe(event.target as L.Marker, t('map.cluster', { places: t('count.places', { count: item.count }) })),
              click: () => map.setView([item.lat, item.lon], Math.min(index.expansionZoom(item.id), 18)),
            }}
          />
        ) : (
          <Marker
            key={item.point.id}
            position={[item.lat, item.lon]}
            icon={markerIcon(item.point, item.point.id === highlighted)}
            keyboard
            ref={(marker) => {
              if (marker) markers.current.set(item.point.id, marker);
              else markers.current.delete(item.point.id);
            }}
            eventHandlers={{
              add: (event) =>
                describe(
                  event.target as L.Marker,
                  t('map.marker', { name: item.point.name, kind: t(`kindShort.${item.point.kind}` as Key), shape: t(`shape.${KINDS[item.point.kind].shape}` as Key) }),
                ),
              click: () => emit('list:highlight', { id: item.point.id }),
            }}
          >
            <Popup autoPanPaddingTopLeft={POPUP_CLEARANCE}>
              <p className="map-popup-title">
                <a href={placeUrl(item.point.id)}>{item.point.name}</a>
              </p>
              {item.point.status && <p>{item.point.status}</p>}
              {item.point.phone && (
                <p>
                  {t('map.phone')}
                  <a href={`tel:${item.point.dial ?? item.point.phone.replace(/\s/g, '')}`}>{leftToRight(t, item.point.phone)}</a>
                </p>
              )}
              {item.point.departement && <selection-toggle data-entry={entryToken({ departement: item.point.departement, id: item.point.id })} data-name={item.point.name} />}
            </Popup>
          </Marker>
        ),
      )}
    </>
  );
}

/**
 * Leaflet makes the map's own element focusable (arrow keys pan it): a named region, so that
 * reaching it by Tab says what it is (MapContainer passes no ARIA attribute to its element).
 */
function Named({ label, closeLabel }: { label: string; closeLabel: string }) {
  const map = useMap();
  useEffect(
    function name() {
      const element = map.getContainer();
      element.setAttribute('role', 'region');
      element.setAttribute('aria-label', label);
    },
    [map, label],
  );
  // A popup's close button, in the page's language.
  useMapEvents({ popupopen: (event) => event.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', closeLabel) });
  return null;
}

function SearchArea({ t }: { t: Translate }) {
  const map = useMap();
  return (
    <div className="leaflet-top leaflet-right">
      <div className="leaflet-control">
        <button
          type="button"
          className="button map-area-button"
          onClick={() => {
            const centre = map.getCenter();
            emit('map:search-area', { lat: centre.lat, lon: centre.lng });
          }}
        >
          {t('map.searchArea')}
        </button>
      </div>
    </div>
  );
}

export function LeafletMap({ mode, points: staticPoints, current, tiles, label, words }: HelpMapProps) {
  const t = useMemo(() => createTranslator(words, {}, words['i18n.locale'] ?? 'fr'), [words]);
  const [results, setResults] = useState<MapPoint[] | null>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const overview = useOverviewPoints(mode !== 'static');

  useEffect(
    function followSearch() {
      if (mode !== 'search') return;
      const onResults = ({ detail }: CustomEvent<{ points: MapPoint[] | null }>) => setResults(detail.points);
      const onHighlight = ({ detail }: CustomEvent<{ id: string }>) => setHighlighted(detail.id);
      document.addEventListener('search:results', onResults);
      document.addEventListener('map:highlight', onHighlight);
      emit('map:ready', null);
      return () => {
        document.removeEventListener('search:results', onResults);
        document.removeEventListener('map:highlight', onHighlight);
      };
    },
    [mode],
  );

  const points = mode === 'static' ? (staticPoints ?? []) : (results ?? overview.points);
  const fitted = mode === 'static' ? (staticPoints ?? []) : (results ?? []);

  /** The map is drawn: people (and tests) may use it. */
  function onDrawn(): void {
    const element = frame.current?.closest<HTMLElement>('.map-frame');
    if (element) element.dataset.mapReady = 'true';
  }

  return (
    <div ref={frame} className={`map-inner${mode === 'search' ? ' search-map' : ''}`}>
      <MapContainer bounds={FRANCE} className="map" attributionControl zoomControl={false} keyboard minZoom={2} maxZoom={18}>
        <Named label={label} closeLabel={t('map.closePopup')} />
        {/* Leaflet's own words are English (« Zoom in », « Close popup »): the page's language instead. */}
        <ZoomControl position="topleft" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        <Outline />
        <TileLayer url={tiles.url} attribution={tiles.attribution} crossOrigin="anonymous" eventHandlers={{ tileerror: () => setTilesFailed(true) }} />
        <FitTo points={fitted} />
        <Markers t={t} points={points} bubbles={overview.bubbles} highlighted={highlighted} current={current} onDrawn={onDrawn} onView={mode === 'static' ? undefined : overview.onView} />
        {mode === 'search' && <SearchArea t={t} />}
      </MapContainer>
      <p className="map-note" role="status">
        {tilesFailed ? t('map.tilesFailed') : ''}
      </p>
    </div>
  );
}
