/**
 * A help point: one YAML file per place in data/places/, so that a relay or a town hall can
 * correct its own file. Structure is checked here; facts that need the reference data
 * (commune, postcode, services, coordinates) are checked in ../validate.ts.
 */
import { z } from 'astro/zod';
import { message } from './message.ts';
import { STANDARD_ACCESS_MODES, STANDARD_MOBILITY, STANDARD_SUPPORT_MODES, STANDARD_TRAINING_LABELS } from '../interop/standard.ts';
import { APPOINTMENT_IDS, FEE_IDS, KIND_IDS, LANGUAGE_IDS, PROGRAMME_IDS, PUBLIC_IDS, REFERRAL_IDS, SUPPORT_IDS, WHEELCHAIR_IDS } from '../vocab.ts';
import { isoDate, safeText, slugId, sourcesSchema, TEXT_MAX, webUrl } from './common.ts';

const text = safeText(TEXT_MAX.short);
const note = safeText(TEXT_MAX.note);

export const addressSchema = z.strictObject({
  street: text.nullable().describe(message('field.address.street')),
  complement: text.nullable().optional().describe(message('field.address.complement')),
  postcode: z
    .string({ error: message('editor.rule.postcodeType') })
    .regex(/^\d{5}$/, { error: message('editor.rule.postcode') })
    .nullable()
    .describe(message('field.address.postcode')),
  postcodeInferred: z.boolean().optional().describe(message('field.address.postcodeInferred')),
  insee: z
    .string({ error: message('editor.rule.inseeType') })
    .regex(/^(?:\d{5}|2[AB]\d{3})$/, {
      error: message('editor.rule.insee'),
    })
    .describe(message('field.address.insee')),
});

export const locationSchema = z.strictObject({
  lat: z.number({ error: message('editor.rule.lat') }),
  lon: z.number({ error: message('editor.rule.lon') }),
  precision: z.enum(['address', 'commune']).describe(message('field.location.precision')),
});

export const closureSchema = z.strictObject({
  from: isoDate.describe(message('field.closure.from')),
  to: isoDate.describe(message('field.closure.to')),
  reason: text.nullable().optional().describe(message('field.closure.reason')),
});

export const hoursSchema = z.strictObject({
  openingHours: text.nullable().describe(message('field.hours.openingHours')),
  closures: z.array(closureSchema).default([]).describe(message('field.hours.closures')),
  note: note.nullable().optional().describe(message('field.hours.note')),
});

export const contactsSchema = z.strictObject({
  phone: text.nullable().optional().describe(message('field.contacts.phone')),
  email: z
    .email({ error: message('editor.rule.email') })
    .nullable()
    .optional(),
  website: webUrl.nullable().optional(),
  appointmentUrl: webUrl.nullable().optional().describe(message('field.contacts.appointmentUrl')),
});

export const accessSchema = z.strictObject({
  fees: z.array(z.enum(FEE_IDS)).default([]).describe(message('field.access.fees')),
  referral: z.enum(REFERRAL_IDS).nullable().optional().describe(message('field.access.referral')),
  appointment: z.enum(APPOINTMENT_IDS).nullable().optional().describe(message('field.access.appointment')),
  note: note.nullable().optional(),
});

export const accessibilitySchema = z.strictObject({
  wheelchair: z.enum(WHEELCHAIR_IDS).nullable().optional(),
  acceslibreUrl: webUrl.nullable().optional().describe(message('field.accessibility.acceslibreUrl')),
  note: note.nullable().optional(),
});

/** Fields of the national standard that pages do not show, kept so that the export loses nothing. */
export const nationalSchema = z.strictObject({
  pivot: z
    .string()
    .regex(/^[a-zA-Z0-9]{9,14}$/, { error: message('editor.rule.pivot') })
    .nullable()
    .optional()
    .describe(message('field.national.pivot')),
  typologie: z.array(text).default([]).describe(message('field.national.typologie')),
  itinerance: z.array(z.enum(STANDARD_MOBILITY)).default([]),
  structureParente: text.nullable().optional(),
  presentationDetail: safeText(TEXT_MAX.detail).nullable().optional(),
  accompagnement: z.array(z.enum(STANDARD_SUPPORT_MODES)).default([]).describe(message('field.national.accompagnement')),
  acces: z.array(z.enum(STANDARD_ACCESS_MODES)).default([]).describe(message('field.national.acces')),
  formations: z.array(z.enum(STANDARD_TRAINING_LABELS)).default([]).describe(message('field.national.formations')),
  autresFormations: z.array(text).default([]).describe(message('field.national.autresFormations')),
});

export const placeSchema = z.strictObject({
  id: slugId.describe(message('field.place.id')),
  name: text.describe(message('field.place.name')),
  kind: z.enum(KIND_IDS).describe(message('field.place.kind')),
  operator: text.nullable().optional().describe(message('field.place.operator')),
  description: safeText(TEXT_MAX.description).nullable().optional().describe(message('field.place.description')),
  programmes: z.array(z.enum(PROGRAMME_IDS)).default([]).describe(message('field.place.programmes')),
  address: addressSchema.describe(message('field.place.address')),
  location: locationSchema.describe(message('field.place.location')),
  contacts: contactsSchema.default({}).describe(message('field.place.contacts')),
  hours: hoursSchema.default({ openingHours: null, closures: [] }).describe(message('field.place.hours')),
  services: z.array(z.string()).default([]).describe(message('field.place.services')),
  publics: z.array(z.enum(PUBLIC_IDS)).default([]).describe(message('field.place.publics')),
  support: z.array(z.enum(SUPPORT_IDS)).default([]).describe(message('field.place.support')),
  access: accessSchema.default({ fees: [] }).describe(message('field.place.access')),
  accessibility: accessibilitySchema.default({}).describe(message('field.place.accessibility')),
  languages: z.array(z.enum(LANGUAGE_IDS)).default([]).describe(message('field.place.languages')),
  national: nationalSchema.optional().describe(message('field.place.national')),
  sources: sourcesSchema.describe(message('field.place.sources')),
  verified: isoDate.nullable().describe(message('field.place.verified')),
  delisted: z
    .strictObject({ list: text.describe(message('field.delisted.list')), date: isoDate })
    .optional()
    .describe(message('field.delisted')),
});

export type Place = z.infer<typeof placeSchema>;
export type PlaceInput = z.input<typeof placeSchema>;
