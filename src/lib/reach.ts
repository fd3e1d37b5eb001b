/**
 * Can a person reach a place before they go, or simply go? A phone, an e-mail or a booking
 * link; or a street address with opening hours. A place with none of these is a dead end for
 * someone who came for help: posters, the widget and the home page never put it first, and its
 * page gives its network's published contact where there is one.
 */
export interface ReachFacts {
  phone?: string | null;
  email?: string | null;
  appointmentUrl?: string | null;
  street?: string | null;
  /** Its opening hours are known (and readable). */
  hoursKnown: boolean;
}

/** Can be called, written to or booked online. */
export function canBeContacted(facts: Pick<ReachFacts, 'phone' | 'email' | 'appointmentUrl'>): boolean {
  return Boolean(facts.phone || facts.email || facts.appointmentUrl);
}

export function isReachable(facts: ReachFacts): boolean {
  return canBeContacted(facts) || Boolean(facts.street && facts.hoursKnown);
}
