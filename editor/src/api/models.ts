import type { InferRequestType } from 'hono/client';
import type { Answer, client } from './client';

/**
 * Names for what the API answers, inferred from its route schemas through `client` (never
 * written by hand: a field changed in the API shows up here, and in every screen that reads it).
 */
type Item<T> = T extends readonly (infer I)[] ? I : never;

export type Me = Answer<typeof client.me.$get>;
export type JourneySummary = Item<Answer<typeof client.journeys.$get>>;
export type JourneyDetail = Answer<(typeof client.journeys)[':id']['$get']>;
export type JourneyStatus = JourneyDetail['status'];
export type JourneyVersion = Item<Answer<(typeof client.journeys)[':id']['versions']['$get']>>;
export type PublishImpact = Answer<(typeof client.journeys)[':id']['impact']['$get']>;
export type Activation = InferRequestType<
  (typeof client.journeys)[':id']['activate']['$post']
>['json'];
export type JourneyAnalytics = Answer<(typeof client.journeys)[':id']['analytics']['$get']>;
export type TemplateSummary = Item<Answer<typeof client.templates.$get>>;
export type RunSummary = Item<Answer<typeof client.runs.$get>>;
export type RunDetail = Answer<(typeof client.runs)[':id']['$get']>;
export type RunStep = RunDetail['steps'][number];
export type RunMessage = RunDetail['messages'][number];
export type Conversation = Answer<(typeof client.sandbox.conversations)[':contactId']['$get']>;
export type ConversationItem = Conversation['items'][number];
