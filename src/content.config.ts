/**
 * Astro's content collections hold only the prose pages. The data (places, services, the
 * charter…) is read by src/site/data.ts, checked once when the build starts.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  /** Prose pages (about, accessibility, data and licence): Markdown, not templates. */
  pages: defineCollection({
    loader: glob({ pattern: '*.md', base: 'src/content/pages' }),
    schema: z.strictObject({ title: z.string(), description: z.string() }),
  }),
};
