import type { Sql } from '@ruta/platform';

/**
 * The pricing category Meta bills a template under (marketing, utility, authentication), as synced
 * from the workspace's WhatsApp account; undefined when the template was never synced.
 */
export async function syncedTemplateCategory(
  sql: Sql,
  workspaceId: string,
  template: { name: string; language: string },
): Promise<string | undefined> {
  const [row] = await sql<{ category: string }[]>`
    select category from whatsapp_templates
    where workspace_id = ${workspaceId} and name = ${template.name} and language = ${template.language}
    limit 1`;
  return row?.category.toLowerCase();
}
