/** Sign-in: in development, the seeded users; with an OpenID provider, its sign-in page. */
import { Alert, Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ProblemAlert } from '../components/problem-alert';
import { ROLE_LABELS_FR, useSession, type SignInOptions } from '../auth/session';

export function SignInPage({ options, problem }: { options: SignInOptions; problem?: unknown }) {
  const { signInAs, signInWithProvider } = useSession();
  return (
    <Stack gap="lg">
      <Title order={1}>Connexion</Title>
      <ProblemAlert error={problem} title="La connexion n'a pas abouti" />
      {options.mode === 'development' && (
        <>
          <Text>
            Environnement de développement : choisissez l&apos;une des personnes de démonstration pour découvrir la
            console avec ses droits.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {options.users.map((u) => (
              <Card key={u.id} withBorder padding="md">
                <Text fw={600}>{u.name}</Text>
                <Text fz="sm" c="dimmed" mb="sm">
                  {ROLE_LABELS_FR[u.role]}
                </Text>
                <Button onClick={() => void signInAs(u.id)} aria-label={`Se connecter en tant que ${u.name}`}>
                  Se connecter
                </Button>
              </Card>
            ))}
          </SimpleGrid>
        </>
      )}
      {options.mode === 'none' && (
        <Alert color="orange" title="Connexion indisponible">
          Aucun moyen de connexion n&apos;est configuré sur ce serveur. Contactez l&apos;équipe qui l&apos;exploite.
        </Alert>
      )}
      {options.mode === 'oidc' && (
        <Stack gap="sm" align="flex-start">
          <Text>
            Connectez-vous avec le compte que la Fédération vous a ouvert. Vous serez conduit vers la page de connexion
            de votre fournisseur d&apos;identité, puis ramené ici.
          </Text>
          <Button onClick={() => void signInWithProvider()}>Se connecter</Button>
        </Stack>
      )}
    </Stack>
  );
}
