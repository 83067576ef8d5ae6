import { UserPen } from 'lucide-react';
import { UpdateContactForm } from '../inspector/update-contact-form';
import { defineKind } from './kind';

export const updateContactKind = defineKind({
  type: 'update_contact',
  icon: UserPen,
  color: '#475569',
  defaults: () => ({
    type: 'update_contact',
    set: {},
    unset: [],
    addTags: ['journey'],
    removeTags: [],
    consent: [],
  }),
  Form: UpdateContactForm,
});
