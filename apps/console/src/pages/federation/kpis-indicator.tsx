/**
 * The frame of every indicator on the Fédération's indicators page: a titled section whose chart
 * is drawn for the eye only, with its data table beside it for screen readers and copying.
 */
import { type ReactNode } from 'react';
import { SimpleGrid, Table, Text, Title } from '@mantine/core';

export const CHART_HEIGHT = 280;
/**
 * Every chart: drawn for the eye only (its table beside it is what a screen reader reads and the
 * keyboard reaches), no tooltip, axis text dark enough to read.
 */
export const CHART = { accessibilityLayer: false, withTooltip: false, textColor: 'gray.8' } as const;

/** A titled section: what it says in one sentence, then the chart and its table side by side. */
export function Indicator(props: {
  id: string;
  title: string;
  summary: ReactNode;
  chart?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={props.id}>
      <Title order={2} id={props.id} mb="xs">
        {props.title}
      </Title>
      <Text mb="sm">{props.summary}</Text>
      {props.chart ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          {/* The table beside it says the same to a screen reader. */}
          <div aria-hidden="true">{props.chart}</div>
          <div>{props.children}</div>
        </SimpleGrid>
      ) : (
        props.children
      )}
    </section>
  );
}

export function DataTable(props: {
  caption: string;
  head: string[];
  rows: Array<{ key: string; cells: ReactNode[] }>;
}) {
  return (
    // A long table scrolls within the height of its chart; the keyboard reaches it too.
    <Table.ScrollContainer
      type="native"
      minWidth={320}
      maxHeight={CHART_HEIGHT + 40}
      tabIndex={0}
      role="group"
      aria-label={`${props.caption} (tableau défilant)`}
    >
      <Table striped withTableBorder stickyHeader captionSide="top">
        <Table.Caption>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {props.head.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((r) => (
            <Table.Tr key={r.key}>
              {r.cells.map((c, i) => (
                <Table.Td key={i}>{c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
