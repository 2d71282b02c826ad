/** Previous / next pages of a long list, with where the person stands. */
import { Button, Group, Text } from '@mantine/core';

export function Pager(props: { offset: number; total: number; size: number; onPage: (offset: number) => void }) {
  const { offset, total, size, onPage } = props;
  if (total <= size) return null;
  return (
    <Group>
      <Button variant="default" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - size))}>
        Page précédente
      </Button>
      <Text>
        Page {Math.floor(offset / size) + 1} sur {Math.ceil(total / size)}
      </Text>
      <Button variant="default" disabled={offset + size >= total} onClick={() => onPage(offset + size)}>
        Page suivante
      </Button>
    </Group>
  );
}
