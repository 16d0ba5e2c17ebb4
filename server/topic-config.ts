import { z } from 'zod';

/**
 * JIEFANG_TOPIC_SUPPORTS (街坊议事, yishi): the supports a resident's proposal needs per town, as
 * `town:n` pairs separated by commas, e.g. `danzao:20,jiujiang:15`. A town not named needs
 * DEFAULT_SUPPORTS_NEEDED (core/topics/topic-model.ts).
 */
export const topicSupportsSetting = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}:\d{1,4}(,[A-Za-z0-9_-]{1,64}:\d{1,4})*$/, 'must be town:number pairs separated by commas, e.g. danzao:20,jiujiang:15')
  .transform((s) => Object.fromEntries(s.split(',').map((pair) => pair.split(':')).map(([town, n]) => [town, Math.max(1, Number(n))])) as Readonly<Record<string, number>>);
