/** The Fédération's and the committee's home for now: everything due by them, soonest first. */
import { Stack, Text, Title } from '@mantine/core';
import { TaskList } from '../components/task-list';

export function TasksPage() {
  return (
    <Stack gap="lg">
      <Title order={1}>Mes tâches</Title>
      <Text>Tout ce qui vous attend, de l&apos;échéance la plus proche à la plus lointaine.</Text>
      <TaskList />
    </Stack>
  );
}
