import type { Activation } from '@ruta/engine';
import type { Sql } from '@ruta/platform';
import type { JourneyDefinition, JourneyLayout } from '@ruta/shared';
import { notFound } from '../http/problem';

export type JourneyStatus = 'draft' | 'active' | 'paused' | 'stopped' | 'completed' | 'archived';

export interface JourneyRow {
  id: string;
  workspace_id: string;
  name: string;
  status: JourneyStatus;
  draft: JourneyDefinition;
  draft_layout: JourneyLayout;
  draft_updated_at: Date;
  active_version_id: string | null;
  activation: Activation | null;
  template_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface VersionRow {
  id: string;
  journey_id: string;
  version: number;
  definition: JourneyDefinition;
  layout: JourneyLayout;
  published_at: Date;
}

export async function getJourney(sql: Sql, workspaceId: string, id: string): Promise<JourneyRow> {
  const [row] = await sql<
    JourneyRow[]
  >`select * from journeys where id = ${id} and workspace_id = ${workspaceId}`;
  if (!row) throw notFound('journey', id);
  return row;
}

export async function getVersion(sql: Sql, versionId: string): Promise<VersionRow | undefined> {
  const [row] = await sql<VersionRow[]>`select * from journey_versions where id = ${versionId}`;
  return row;
}

export async function latestVersion(sql: Sql, journeyId: string): Promise<VersionRow | undefined> {
  const [row] = await sql<VersionRow[]>`
    select * from journey_versions where journey_id = ${journeyId} and version > 0 order by version desc limit 1`;
  return row;
}
