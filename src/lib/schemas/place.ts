/**
 * A help point: one YAML file per place in data/places/, so that a relay or a town hall can
 * correct its own file. Structure is checked here; facts that need the reference data
 * (commune, postcode, services, coordinates) are checked in ../validate.ts.
 */
import { z } from 'astro/zod';
import { t } from '../../i18n/index.ts';
import { STANDARD_ACCESS_MODES, STANDARD_MOBILITY, STANDARD_SUPPORT_MODES, STANDARD_TRAINING_LABELS } from '../interop/standard.ts';
import { APPOINTMENT_IDS, FEE_IDS, KIND_IDS, LANGUAGE_IDS, PROGRAMME_IDS, PUBLIC_IDS, REFERRAL_IDS, SUPPORT_IDS, WHEELCHAIR_IDS } from '../vocab.ts';
import { isoDate, safeText, slugId, sourcesSchema, TEXT_MAX, webUrl } from './common.ts';

const text = safeText(TEXT_MAX.short);
const note = safeText(TEXT_MAX.note);

export const addressSchema = z.strictObject({
  street: text.nullable().describe(t('field.address.street')),
  complement: text.nullable().optional().describe(t('field.address.complement')),
  postcode: z
    .string({ error: t('editor.rule.postcodeType') })
    .regex(/^\d{5}$/, { error: t('editor.rule.postcode') })
    .nullable()
    .describe(t('field.address.postcode')),
  postcodeInferred: z
    .boolean()
    .optional()
    .describe(t('field.address.postcodeInferred')),
  insee: z
    .string({ error: t('editor.rule.inseeType') })
    .regex(/^(?:\d{5}|2[AB]\d{3})$/, {
      error: t('editor.rule.insee'),
    })
    .describe(t('field.address.insee')),
});

export const locationSchema = z.strictObject({
  lat: z.number({ error: t('editor.rule.lat') }),
  lon: z.number({ error: t('editor.rule.lon') }),
  precision: z
    .enum(['address', 'commune'])
    .describe(t('field.location.precision')),
});

export const closureSchema = z.strictObject({
  from: isoDate.describe(t('field.closure.from')),
  to: isoDate.describe(t('field.closure.to')),
  reason: text.nullable().optional().describe(t('field.closure.reason')),
});

export const hoursSchema = z.strictObject({
  openingHours: text
    .nullable()
    .describe(t('field.hours.openingHours')),
  closures: z.array(closureSchema).default([]).describe(t('field.hours.closures')),
  note: note.nullable().optional().describe(t('field.hours.note')),
});

export const contactsSchema = z.strictObject({
  phone: text.nullable().optional().describe(t('field.contacts.phone')),
  email: z
    .email({ error: t('editor.rule.email') })
    .nullable()
    .optional(),
  website: webUrl.nullable().optional(),
  appointmentUrl: webUrl.nullable().optional().describe(t('field.contacts.appointmentUrl')),
});

export const accessSchema = z.strictObject({
  fees: z.array(z.enum(FEE_IDS)).default([]).describe(t('field.access.fees')),
  referral: z.enum(REFERRAL_IDS).nullable().optional().describe(t('field.access.referral')),
  appointment: z.enum(APPOINTMENT_IDS).nullable().optional().describe(t('field.access.appointment')),
  note: note.nullable().optional(),
});

export const accessibilitySchema = z.strictObject({
  wheelchair: z.enum(WHEELCHAIR_IDS).nullable().optional(),
  acceslibreUrl: webUrl.nullable().optional().describe(t('field.accessibility.acceslibreUrl')),
  note: note.nullable().optional(),
});

/** Fields of the national standard that pages do not show, kept so that the export loses nothing. */
export const nationalSchema = z.strictObject({
  pivot: z
    .string()
    .regex(/^[a-zA-Z0-9]{9,14}$/, { error: t('editor.rule.pivot') })
    .nullable()
    .optional()
    .describe(t('field.national.pivot')),
  typologie: z.array(text).default([]).describe(t('field.national.typologie')),
  itinerance: z.array(z.enum(STANDARD_MOBILITY)).default([]),
  structureParente: text.nullable().optional(),
  presentationDetail: safeText(TEXT_MAX.detail).nullable().optional(),
  accompagnement: z.array(z.enum(STANDARD_SUPPORT_MODES)).default([]).describe(t('field.national.accompagnement')),
  acces: z.array(z.enum(STANDARD_ACCESS_MODES)).default([]).describe(t('field.national.acces')),
  formations: z.array(z.enum(STANDARD_TRAINING_LABELS)).default([]).describe(t('field.national.formations')),
  autresFormations: z.array(text).default([]).describe(t('field.national.autresFormations')),
});

export const placeSchema = z.strictObject({
  id: slugId.describe(t('field.place.id')),
  name: text.describe(t('field.place.name')),
  kind: z.enum(KIND_IDS).describe(t('field.place.kind')),
  operator: text.nullable().optional().describe(t('field.place.operator')),
  description: safeText(TEXT_MAX.description).nullable().optional().describe(t('field.place.description')),
  programmes: z.array(z.enum(PROGRAMME_IDS)).default([]).describe(t('field.place.programmes')),
  address: addressSchema,
  location: locationSchema,
  contacts: contactsSchema.default({}),
  hours: hoursSchema.default({ openingHours: null, closures: [] }),
  services: z.array(z.string()).default([]).describe(t('field.place.services')),
  publics: z.array(z.enum(PUBLIC_IDS)).default([]),
  support: z.array(z.enum(SUPPORT_IDS)).default([]).describe(t('field.place.support')),
  access: accessSchema.default({ fees: [] }),
  accessibility: accessibilitySchema.default({}),
  languages: z.array(z.enum(LANGUAGE_IDS)).default([]),
  national: nationalSchema.optional().describe(t('field.place.national')),
  sources: sourcesSchema,
  verified: isoDate.nullable().describe(t('field.place.verified')),
  delisted: z
    .strictObject({ list: text.describe(t('field.delisted.list')), date: isoDate })
    .optional()
    .describe(t('field.delisted')),
});

export type Place = z.infer<typeof placeSchema>;
export type PlaceInput = z.input<typeof placeSchema>;
