/** Every page's frame: a skip link, the header (who is signed in), and the main content. */
import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ROLE_LABELS_FR, useSession } from '../auth/session';
import { Navigation } from './navigation';

export function Shell({ children }: { children: ReactNode }) {
  const { status, signOut } = useSession();
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <Box component="header" className="header">
        <Container size="lg">
          <Group justify="space-between" py="sm">
            <Group gap={48}>
              <Anchor component={Link} to="/" c="white" fw={700} fz="lg" underline="never">
                Quali&apos;Coop
              </Anchor>
              {status.state === 'signed-in' && <Navigation />}
            </Group>
            {status.state === 'signed-in' && (
              <Group gap="md">
                <Text c="white" fz="sm">
                  {status.me.name ?? status.me.sub} — {ROLE_LABELS_FR[status.me.role]}
                </Text>
                <Button variant="white" size="xs" onClick={signOut}>
                  Se déconnecter
                </Button>
              </Group>
            )}
          </Group>
        </Container>
      </Box>
      <Container size="lg" component="main" id="contenu" tabIndex={-1} py="xl">
        {children}
      </Container>
    </>
  );
}
