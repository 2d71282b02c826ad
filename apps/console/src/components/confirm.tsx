/** A decisive action asks first: what it does, then « Annuler » or the confirmation. */
import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

export function Confirm(props: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirm: string;
  onConfirm: () => void;
  onClose: () => void;
  busy: boolean;
  disabled?: boolean;
}) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      <Stack gap="md">
        {props.children}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Annuler
          </Button>
          <Button color="red" bg="red.9" onClick={props.onConfirm} loading={props.busy} disabled={props.disabled}>
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
