import { Group, Loader, Text } from '@mantine/core';

export function Loading({ what }: { what: string }) {
  return (
    <Group gap="sm" role="status">
      <Loader size="sm" />
      <Text>Chargement de {what}…</Text>
    </Group>
  );
}
