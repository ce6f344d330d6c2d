/**
 * Every sentence a person reads, in Chinese and in the seed's words, in one place: the refusals (`refusals.ts`),
 * and what the timeline, the notices, the Web UI's summary and the timers say, one module per stage of the
 * procedure. Workflow and API modules hold no Chinese text of their own (test/unit/texts.test.ts checks it): they
 * call these functions with the facts to interpolate. Names of codes (stages, outcomes, bodies) stay in
 * `domain/labels.ts`.
 */
export * from './refusals';
export * from './beijing-time';
export * from './gate';
export * from './submission';
export * from './acceptance';
export * from './hand-over';
export * from './jurisdiction';
export * from './rectification';
export * from './investigation';
export * from './determination';
export * from './exits';
export * from './conclusion';
export * from './aftercare';
export * from './pause-words';
export * from './clock';
export * from './deadlines';
export * from './delivery';
export * from './summary';
export * from './applicant';
export * from './http-problems';
export * from './requests';
export * from './operations';
export * from './statistics';
export * from './documents';
