import type { JourneyDefinition, JourneyLayout, Localized, ValidationProblem } from '@ruta/shared';

export type JourneyStatus = 'draft' | 'active' | 'paused' | 'stopped' | 'archived';

export interface Me {
  user: { id: string; email: string; name: string; locale: string } | null;
  workspace: { id: string; name: string };
  /** owner, admin, editor or viewer (for an API key: the role it acts with). */
  role: string;
  apiKey?: { id: string; name: string; scope: 'ingest' | 'full' } | null;
}

/** A contact as `GET /api/contacts` lists it. */
export interface ContactSummary {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  consent?: Record<string, { granted: boolean } | null>;
  tags?: string[];
}

export interface JourneySummary {
  id: string;
  name: string;
  status: JourneyStatus;
  version: number | null;
  templateId: string | null;
  entered: number;
  converted: number;
  inFlight: number;
  pilot: { enrollmentPercent: number; holdoutPercent: number; endsAt?: string } | null;
  updatedAt: string;
}

export interface JourneyDetail {
  id: string;
  name: string;
  status: JourneyStatus;
  templateId: string | null;
  draft: JourneyDefinition;
  layout: JourneyLayout;
  draftUpdatedAt: string;
  problems: ValidationProblem[];
  activeVersion: { id: string; version: number; publishedAt: string } | null;
  versions: { id: string; version: number; publishedAt: string }[];
  activation: Record<string, unknown> | null;
}

export interface TemplateSummary {
  id: string;
  name: Localized;
  description: Localized;
}

export interface RunSummary {
  id: string;
  journey_id: string;
  journey_name: string;
  version: number;
  contact_id: string;
  contact_name: string;
  phone: string | null;
  email: string | null;
  status: string;
  outcome: string | null;
  current_node: string | null;
  waiting_for: { kind: string; nodeId: string; ports?: string[]; until: string } | null;
  pilot_group: string;
  preview: boolean;
  started_at: string;
  ended_at: string | null;
  converted_at: string | null;
}

export interface RunStep {
  seq: number;
  at: string;
  node_id: string;
  kind: string;
  port: string | null;
  detail: Record<string, unknown>;
}

export interface RunMessage {
  id: string;
  node_id: string;
  channel: string;
  format: string;
  content: Record<string, unknown>;
  status: string;
  cost: string | null;
  created_at: string;
  sent_at: string | null;
  delivered_at: string | null;
  read_at: string | null;
  replied_at: string | null;
  clicked_at: string | null;
}

export interface RunDetail {
  id: string;
  journey: {
    id: string;
    name: string;
    version: number;
    definition: JourneyDefinition;
    layout: JourneyLayout;
  };
  contact: {
    id: string;
    first_name: string | null;
    last_name: string | null;
    phone: string | null;
    email: string | null;
    time_zone: string | null;
  } | null;
  status: string;
  outcome: string | null;
  group: string;
  preview: boolean;
  currentNode: string | null;
  waitingFor: { kind: string; nodeId: string; ports?: string[]; until: string } | null;
  startedAt: string;
  endedAt: string | null;
  convertedAt: string | null;
  steps: RunStep[];
  messages: RunMessage[];
  path: string[];
  temporal: { workflowId: string; runId: string | null; url: string | null };
}

export interface ConversationItem {
  direction: 'outbound' | 'inbound';
  id: string;
  channel: string;
  format?: string;
  content?: Record<string, unknown>;
  text?: string | null;
  button_id?: string | null;
  status?: string;
  at: string;
  journey_name?: string | null;
  /** Inbound: how the reply was routed (DESIGN §8.1); `none` when no journey was waiting. */
  routed_by?: 'context' | 'latest_message' | 'opt_out' | 'none' | null;
  delivered_at?: string | null;
  read_at?: string | null;
  opened_at?: string | null;
  clicked_at?: string | null;
}
