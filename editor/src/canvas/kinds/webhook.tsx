import { Webhook } from 'lucide-react';
import { WebhookForm } from '../inspector/webhook-form';
import { defineKind } from './kind';

export const webhookKind = defineKind({
  type: 'webhook',
  icon: Webhook,
  color: '#0f766e',
  defaults: () => ({
    type: 'webhook',
    method: 'POST',
    url: 'https://',
    headers: {},
    body: '{"contact": "{{ contact.id }}"}',
    timeoutMs: 5000,
  }),
  Form: WebhookForm,
});
