import { branch } from './branch';
import { exit } from './exit';
import { handoff } from './handoff';
import { send } from './send';
import { split } from './split';
import type { HandlerRegistry } from './types';
import { updateContact } from './update-contact';
import { wait } from './wait';
import { waitFor } from './wait-for';
import { webhook } from './webhook';

/** One handler per node kind; the compiler insists every kind has one. */
export const handlers: HandlerRegistry = {
  send,
  wait,
  wait_for: waitFor,
  branch,
  split,
  update_contact: updateContact,
  webhook,
  handoff,
  exit,
};

export type { NodeHandler, NodeResult } from './types';
