/**
 * A help point: one YAML file per place in data/places/, so that a relay or a town hall can
 * correct its own file. Structure is checked here; facts that need the reference data
 * (commune, postcode, services, coordinates) are checked in ../validate.ts.
 */
import { z } from 'astro/zod';
import {
  APPOINTMENT_IDS,
  FEE_IDS,
  KIND_IDS,
  LANGUAGE_IDS,
  PROGRAMME_IDS,
  PUBLIC_IDS,
  REFERRAL_IDS,
  STANDARD_ACCESS_MODES,
  STANDARD_MOBILITY,
  STANDARD_SUPPORT_MODES,
  STANDARD_TRAINING_LABELS,
  SUPPORT_IDS,
  WHEELCHAIR_IDS,
} from '../vocab.ts';
import { isoDate, slugId, sourcesSchema, webUrl } from './common.ts';

const text = z.string().trim().min(1);

export const addressSchema = z.strictObject({
  street: text.nullable().describe('Numéro et rue; null si on ne la connaît pas'),
  complement: text.nullable().optional().describe('Étage, bâtiment, nom du centre…'),
  postcode: z
    .string({ error: 'code postal attendu, entre guillemets : "59000"' })
    .regex(/^\d{5}$/, { error: 'code postal invalide : 5 chiffres, entre guillemets (ex. : "59000")' })
    .nullable()
    .describe('Code postal; null si la commune en a plusieurs et qu’on ne sait pas lequel'),
  postcodeInferred: z
    .boolean()
    .optional()
    .describe('true si le code postal est déduit de la commune et non écrit dans la source'),
  insee: z
    .string({ error: 'code INSEE attendu, entre guillemets : "59350"' })
    .regex(/^(?:\d{5}|2[AB]\d{3})$/, {
      error: 'code INSEE invalide : 5 caractères, entre guillemets (ex. : "59350", "2A004")',
    })
    .describe('Code officiel (INSEE) de la commune, à ne pas confondre avec le code postal'),
});

export const locationSchema = z.strictObject({
  lat: z.number({ error: 'latitude attendue : un nombre avec un point, par exemple 50.6249' }),
  lon: z.number({ error: 'longitude attendue : un nombre avec un point, par exemple 3.0513' }),
  precision: z
    .enum(['address', 'commune'])
    .describe("'address' : le point est sur le lieu; 'commune' : le point est au centre de la commune"),
});

export const closureSchema = z.strictObject({
  from: isoDate.describe('Premier jour de fermeture'),
  to: isoDate.describe('Dernier jour de fermeture (le même jour pour une seule journée)'),
  reason: text.nullable().optional().describe('Raison, en mots simples (ex. : congés d’été)'),
});

export const hoursSchema = z.strictObject({
  openingHours: text
    .nullable()
    .describe('Horaires au format OpenStreetMap opening_hours (ex. : Mo-Fr 09:00-12:00,14:00-17:00)'),
  closures: z.array(closureSchema).default([]).describe('Fermetures exceptionnelles datées'),
  note: text.nullable().optional().describe('Précision libre (ex. : horaires variables, appelez avant)'),
});

export const contactsSchema = z.strictObject({
  phone: text.nullable().optional().describe('Téléphone (ex. : 01 23 45 67 89 ou +33123456789)'),
  email: z
    .email({ error: 'adresse e-mail invalide (ex. : contact@exemple.fr)' })
    .nullable()
    .optional(),
  website: webUrl.nullable().optional(),
  appointmentUrl: webUrl.nullable().optional().describe('Page pour prendre rendez-vous en ligne'),
});

export const accessSchema = z.strictObject({
  fees: z.array(z.enum(FEE_IDS)).default([]).describe('Gratuit, prix solidaire, payant (plusieurs possibles)'),
  referral: z.enum(REFERRAL_IDS).nullable().optional().describe('Faut-il être orienté par un travailleur social ?'),
  appointment: z.enum(APPOINTMENT_IDS).nullable().optional().describe('Sur rendez-vous, sans, ou les deux'),
  note: text.nullable().optional(),
});

export const accessibilitySchema = z.strictObject({
  wheelchair: z.enum(WHEELCHAIR_IDS).nullable().optional(),
  acceslibreUrl: webUrl.nullable().optional().describe('Fiche du lieu sur acceslibre.beta.gouv.fr'),
  note: text.nullable().optional(),
});

/** Fields of the national standard that pages do not show, kept so that the export loses nothing. */
export const nationalSchema = z.strictObject({
  pivot: z
    .string()
    .regex(/^[a-zA-Z0-9]{9,14}$/, { error: 'SIRET ou RNA invalide : 9 à 14 lettres ou chiffres, sans espace' })
    .nullable()
    .optional()
    .describe('SIRET (ou RNA) de la structure'),
  typologie: z.array(text).default([]).describe('Types de structure (codes du standard : ASSO, CCAS, MAIRIE…)'),
  itinerance: z.array(z.enum(STANDARD_MOBILITY)).default([]),
  structureParente: text.nullable().optional(),
  presentationDetail: text.nullable().optional(),
  accompagnement: z.array(z.enum(STANDARD_SUPPORT_MODES)).default([]).describe('modalites_accompagnement'),
  acces: z.array(z.enum(STANDARD_ACCESS_MODES)).default([]).describe('modalites_acces'),
  formations: z.array(z.enum(STANDARD_TRAINING_LABELS)).default([]).describe('formations_labels'),
  autresFormations: z.array(text).default([]).describe('autres_formations_labels'),
});

export const placeSchema = z.strictObject({
  id: slugId.describe('Identifiant stable, égal au nom du fichier; sert d’adresse à la page du lieu'),
  name: text.describe('Nom du lieu, comme il est écrit sur la porte'),
  kind: z.enum(KIND_IDS).describe('solidarity-space, relay ou other'),
  operator: text.nullable().optional().describe('Structure qui gère le lieu'),
  description: text.nullable().optional().describe('Présentation courte, en mots simples'),
  programmes: z.array(z.enum(PROGRAMME_IDS)).default([]).describe('Réseaux et dispositifs nationaux'),
  address: addressSchema,
  location: locationSchema,
  contacts: contactsSchema.default({}),
  hours: hoursSchema.default({ openingHours: null, closures: [] }),
  services: z.array(z.string()).default([]).describe('Identifiants du catalogue data/services.yaml'),
  publics: z.array(z.enum(PUBLIC_IDS)).default([]),
  support: z.array(z.enum(SUPPORT_IDS)).default([]).describe('Accompagnements adaptés'),
  access: accessSchema.default({ fees: [] }),
  accessibility: accessibilitySchema.default({}),
  languages: z.array(z.enum(LANGUAGE_IDS)).default([]),
  national: nationalSchema.optional().describe('Champs du standard national sans équivalent sur la page'),
  sources: sourcesSchema,
  verified: isoDate.nullable().describe('Date de la dernière vérification des informations; null si on ne la connaît pas'),
});

export type Place = z.infer<typeof placeSchema>;
export type PlaceInput = z.input<typeof placeSchema>;
