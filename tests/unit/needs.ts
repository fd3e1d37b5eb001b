/** The services as the search's meta file gives them to matchNeeds(): each keyword and the label, read as a query is. */
import { queryWords } from '../../src/lib/search/query.ts';

export function needsMeta(services: readonly { id: string; label: string; keywords: readonly string[] }[]) {
  return {
    services: services.map((service) => ({
      id: service.id,
      label: service.label,
      keywords: [service.label, ...service.keywords].map((keyword) => queryWords(keyword).join(' ')),
      places: 0,
    })),
  };
}
