import { isRole } from '@ruta/shared';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { call, client } from '../api/client';
import type { Me } from '../api/models';
import { InboxNavBadge } from '../inbox/nav-badge';
import { LanguageSwitch } from './language-switch';
import './shell.css';
import { Toaster } from './toast';

export function Layout({ me, children, wide }: { me: Me; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const queryClient = useQueryClient();
  const links = [
    {
      href: '/',
      label: t('nav.journeys'),
      active: location === '/' || location.startsWith('/journeys'),
    },
    {
      href: '/inbox',
      label: t('inbox.nav'),
      active: location.startsWith('/inbox'),
      badge: <InboxNavBadge />,
    },
    { href: '/runs', label: t('nav.runs'), active: location.startsWith('/runs') },
    { href: '/contacts', label: t('nav.contacts'), active: location.startsWith('/contacts') },
    { href: '/sandbox', label: t('nav.sandbox'), active: location.startsWith('/sandbox') },
    { href: '/channels', label: t('nav.channels'), active: location.startsWith('/channels') },
    { href: '/sources', label: t('sources.nav'), active: location.startsWith('/sources') },
    { href: '/team', label: t('team.nav'), active: location.startsWith('/team') },
  ];
  async function logout() {
    await call(client.auth.logout.$post());
    await queryClient.invalidateQueries({ queryKey: ['me'] });
  }
  return (
    <div className={wide ? 'shell shell-wide' : 'shell'}>
      <header className="topbar">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden>
            ↯
          </span>{' '}
          Ruta
        </Link>
        <nav aria-label="main">
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              className={link.active ? 'nav-link active' : 'nav-link'}
              aria-current={link.active ? 'page' : undefined}
            >
              {link.label}
              {'badge' in link && link.badge}
            </Link>
          ))}
          <a className="nav-link" href="/api/docs" target="_blank" rel="noreferrer">
            {t('nav.apiDocs')}
          </a>
        </nav>
        <div className="topbar-right">
          <span className="workspace">{me.workspace.name}</span>
          {isRole(me.role) && (
            <span className="role-badge" data-testid="my-role">
              {t('access.roleBadge', { role: t(`roles.${me.role}`) })}
            </span>
          )}
          <LanguageSwitch />
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => void logout()}>
            {t('nav.logout')}
          </button>
        </div>
      </header>
      <main className="content">{children}</main>
      <Toaster />
    </div>
  );
}
