import * as z from 'zod/mini';
import { nodeId } from './schema-parts.ts';

/** Hard limits on a lesson, checked before anything is built (docs/lesson-format.md). */
export const LESSON_LIMITS = {
  maxSteps: 200,
  maxTitleChars: 200,
  maxNarrationChars: 20_000,
  maxEditsPerStep: 100,
  maxIdChars: 64,
} as const;

/** What a step may hide so a learner sees only what it is about. */
export const HIDEABLE = ['palette', 'params', 'train'] as const;
export type Hideable = (typeof HIDEABLE)[number];

/** Text in English and/or Japanese: at least one of the two. */
const localized = (max: number, what: string) =>
  z
    .strictObject({
      en: z.optional(
        z
          .string({ error: 'expected a string' })
          .check(z.maxLength(max, { error: `expected ${what}` })),
      ),
      ja: z.optional(
        z
          .string({ error: 'expected a string' })
          .check(z.maxLength(max, { error: `expected ${what}` })),
      ),
    })
    .check(
      z.refine((t) => t.en !== undefined || t.ja !== undefined, {
        error: 'expected "en" or "ja" text',
      }),
    );

const title = localized(
  LESSON_LIMITS.maxTitleChars,
  `at most ${LESSON_LIMITS.maxTitleChars} characters`,
);
const narration = localized(
  LESSON_LIMITS.maxNarrationChars,
  `at most ${LESSON_LIMITS.maxNarrationChars} characters`,
);

/**
 * The edits a step may apply to the previous step's graph: parameters, exercises, the
 * training section and positions. Structure changes come as a whole graph instead.
 */
const editSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('setParams'),
      id: nodeId,
      params: z.record(z.string(), z.unknown()),
    }),
    z.strictObject({ kind: z.literal('setExercise'), id: nodeId, exercise: z.unknown() }),
    z.strictObject({ kind: z.literal('setTraining'), fields: z.record(z.string(), z.unknown()) }),
    z.strictObject({
      kind: z.literal('moveNode'),
      id: nodeId,
      position: z.strictObject({ x: z.number(), y: z.number() }),
    }),
  ],
  {
    error:
      'expected an edit {"kind": "setParams" or "setExercise" or "setTraining" or "moveNode", …}',
  },
);

const presetKey = z.string({ error: 'expected a preset name' }).check(
  z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    error: 'expected a preset name such as "01-conv-valid"',
  }),
);

export const lessonStepSchema = z
  .strictObject({
    title,
    narration,
    /** The step's graph: a whole document, a built-in preset, or edits to the previous step's. */
    graph: z.optional(z.unknown()),
    preset: z.optional(presetKey),
    edits: z.optional(
      z.array(editSchema).check(
        z.minLength(1, { error: 'expected at least one edit' }),
        z.maxLength(LESSON_LIMITS.maxEditsPerStep, {
          error: `expected at most ${LESSON_LIMITS.maxEditsPerStep} edits`,
        }),
      ),
    ),
    /** A node to point at: it is selected when the step opens. */
    highlight: z.optional(nodeId),
    /** An output cell whose computation the explain view opens on. */
    explain: z.optional(
      z.strictObject({
        node: nodeId,
        cell: z
          .int({ error: 'expected an integer' })
          .check(z.minimum(0, { error: 'expected a cell index from 0' })),
      }),
    ),
    hide: z.optional(
      z
        .array(
          z.enum(HIDEABLE, { error: `expected ${HIDEABLE.map((h) => `"${h}"`).join(' or ')}` }),
        )
        .check(z.maxLength(HIDEABLE.length)),
    ),
  })
  .check(
    z.superRefine((step, ctx) => {
      const sources = ['graph', 'preset', 'edits'].filter(
        (k) => step[k as 'graph' | 'preset' | 'edits'] !== undefined,
      );
      if (sources.length !== 1)
        ctx.addIssue({
          code: 'custom',
          message: 'expected exactly one of "graph", "preset" or "edits"',
          path: [],
        });
    }),
  );

export const lessonSchema = z
  .strictObject({
    format: z.literal('convflow-lesson', { error: 'expected "convflow-lesson"' }),
    version: z.literal(1, { error: 'expected 1 (the only lesson version)' }),
    /** Names the lesson: the learner's progress is kept under it. */
    id: z
      .string({ error: 'expected a string' })
      .check(
        z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'expected 1 to 64 letters, digits, "-" or "_"' }),
      ),
    title,
    steps: z.array(lessonStepSchema, { error: 'expected a list of steps' }).check(
      z.minLength(1, { error: 'expected at least one step' }),
      z.maxLength(LESSON_LIMITS.maxSteps, {
        error: `expected at most ${LESSON_LIMITS.maxSteps} steps`,
      }),
    ),
  })
  .check(
    z.superRefine((lesson, ctx) => {
      if (lesson.steps[0]?.edits)
        ctx.addIssue({
          code: 'custom',
          message: 'the first step has no previous graph to edit: expected "graph" or "preset"',
          path: ['steps', 0, 'edits'],
        });
    }),
  );

export type Lesson = z.output<typeof lessonSchema>;
export type LessonStep = Lesson['steps'][number];
export type LessonEdit = NonNullable<LessonStep['edits']>[number];
export type Localized = LessonStep['title'];
