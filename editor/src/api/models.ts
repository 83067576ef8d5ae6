import type { InferRequestType } from 'hono/client';
import type { client, Ok } from './client';

/**
 * Names for what the API answers, inferred from its route schemas through `client` (never
 * written by hand: a field changed in the API shows up here, and in every screen that reads it).
 */
type Get<F extends (...args: never[]) => Promise<unknown>> = Ok<Awaited<ReturnType<F>>>;
type Item<T> = T extends readonly (infer I)[] ? I : never;

export type Me = Get<typeof client.me.$get>;
export type JourneySummary = Item<Get<typeof client.journeys.$get>>;
export type JourneyDetail = Get<(typeof client.journeys)[':id']['$get']>;
export type JourneyStatus = JourneyDetail['status'];
export type JourneyVersion = Item<Get<(typeof client.journeys)[':id']['versions']['$get']>>;
export type PublishImpact = Get<(typeof client.journeys)[':id']['impact']['$get']>;
export type Activation = InferRequestType<
  (typeof client.journeys)[':id']['activate']['$post']
>['json'];
export type JourneyAnalytics = Get<(typeof client.journeys)[':id']['analytics']['$get']>;
export type TemplateSummary = Item<Get<typeof client.templates.$get>>;
export type RunSummary = Item<Get<typeof client.runs.$get>>;
export type RunDetail = Get<(typeof client.runs)[':id']['$get']>;
export type RunStep = RunDetail['steps'][number];
export type RunMessage = RunDetail['messages'][number];
export type Conversation = Get<(typeof client.sandbox.conversations)[':contactId']['$get']>;
export type ConversationItem = Conversation['items'][number];
