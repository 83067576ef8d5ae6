import type { UpdateContactNode } from '@ruta/shared/workflow';
import { local } from '../activities';
import type { NodeHandler } from './types';

export const updateContact: NodeHandler<UpdateContactNode> = async (ctx, node, nodeId) => {
  const { input } = ctx;
  ctx.contact = await local.updateContact({
    workspaceId: input.workspaceId,
    contactId: input.contactId,
    journeyName: input.journeyName,
    triggerEvent: input.triggerEvent,
    changes: {
      set: node.set,
      unset: node.unset,
      addTags: node.addTags,
      removeTags: node.removeTags,
      consent: node.consent,
    },
  });
  ctx.record(nodeId, 'contact_updated', {
    set: Object.keys(node.set),
    unset: node.unset,
    addTags: node.addTags,
    removeTags: node.removeTags,
    consent: node.consent,
  });
  return { port: 'next' };
};
