/**
 * The main menu: the screens of the signed-in person's role, the current one marked for screen
 * readers (`aria-current`). A role sees only its own screens; `Allowed` guards a route against a
 * direct address typed by someone of another role (the API refuses such reads anyway).
 */
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { type Me, useMe } from '../auth/session';

type Role = Me['role'];

const MENUS: Record<Role, Array<{ to: string; label: string }>> = {
  coop: [{ to: '/', label: 'Accueil' }],
  committee: [
    { to: '/', label: 'Mes tâches' },
    { to: '/seances', label: 'Séances du comité' },
  ],
  federation: [
    { to: '/', label: 'Mes tâches' },
    { to: '/candidatures', label: 'Candidatures' },
    { to: '/seances', label: 'Séances du comité' },
    { to: '/cooperatives', label: 'Coopératives' },
    { to: '/indicateurs', label: 'Indicateurs' },
  ],
};

export function Navigation() {
  const me = useMe();
  return (
    <nav aria-label="Menu principal">
      <Group gap="lg" component="ul" className="menu">
        {MENUS[me.role].map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.to === '/'} className="menu-link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </Group>
    </nav>
  );
}

/** The route's content for the roles it is meant for; a French « not allowed » page for the others. */
export function Allowed({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const me = useMe();
  if (roles.includes(me.role)) return children;
  return (
    <Stack gap="md">
      <Title order={1}>Accès non autorisé</Title>
      <Text>
        Cette page est réservée {roles.map((r) => RESERVED_FOR[r]).join(' et ')}. Votre compte ne permet pas de
        l&apos;afficher.
      </Text>
      <Anchor component={Link} to="/">
        Revenir à l&apos;accueil
      </Anchor>
    </Stack>
  );
}

const RESERVED_FOR: Record<Role, string> = {
  coop: 'aux coopératives',
  committee: 'aux membres du comité de validation',
  federation: "à l'équipe de la Fédération",
};
