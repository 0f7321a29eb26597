import type { components } from './schema';

export type Schemas = components['schemas'];
export type Course = Schemas['Course'];
export type CourseIntro = Schemas['CourseIntro'];
export type Money = Schemas['Money'];
export type Profile = Schemas['Profile'];
export type ReferenceEntry = Schemas['ReferenceEntry'];
export type Instructor = Schemas['Instructor'];
