/**
 * Clustering with supercluster (a maintained, framework-free index: 50,000 points in about
 * 200 ms, each view in under a millisecond), instead of a plugin that creates every marker.
 */
import Supercluster from 'supercluster';
import type { MapPoint } from './points.ts';

export type ClusterItem =
  | { type: 'cluster'; id: number; lat: number; lon: number; count: number }
  | { type: 'point'; lat: number; lon: number; point: MapPoint };

export class ClusterIndex {
  private readonly index: Supercluster<{ point: MapPoint }, Record<string, never>>;

  constructor(points: readonly MapPoint[]) {
    this.index = new Supercluster<{ point: MapPoint }, Record<string, never>>({ radius: 60, maxZoom: 16, minPoints: 3 });
    this.index.load(
      points.map((point) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [point.lon, point.lat] }, properties: { point } })),
    );
  }

  /** What to draw for a view: [west, south, east, north] and a zoom level. */
  view(bounds: [number, number, number, number], zoom: number): ClusterItem[] {
    return this.index.getClusters(bounds, Math.round(zoom)).map((feature) => {
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const properties = feature.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; point?: MapPoint };
      return properties.cluster
        ? { type: 'cluster', id: properties.cluster_id!, lat, lon, count: properties.point_count! }
        : { type: 'point', lat, lon, point: properties.point! };
    });
  }

  /** The zoom at which a cluster splits. */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }
}
