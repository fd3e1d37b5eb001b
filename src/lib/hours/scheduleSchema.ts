/** The Schedule as a zod schema: the content layer stores it with each place, typed. */
import { z } from 'astro/zod';

const slots = z.array(z.number().int().min(0).max(1440));

export const scheduleSchema = z.strictObject({
  tz: z.string(),
  week: z.array(slots).length(7),
  days: z.record(z.string(), slots),
  from: z.string(),
  until: z.string(),
  holidaysClosedByDefault: z.boolean(),
});
