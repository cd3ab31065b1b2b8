import { List, Table, Text, Title } from '@mantine/core';
import type { OutlineBlock } from '../../../../../shared/document/types';

/** One block of the agreement as read on screen; the Word export renders the same blocks. */
export function OutlineBlockView({ block }: { block: OutlineBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return <Text className="doc-paragraph">{block.text}</Text>;
    case 'subheading':
      return (
        <Title order={5} className="doc-subheading">
          {block.text}
        </Title>
      );
    case 'note':
      return (
        <Text c="dimmed" fs="italic" size="sm">
          {block.text}
        </Text>
      );
    case 'list':
      return (
        <List spacing={4} className="doc-list">
          {block.items.map((item, index) => (
            <List.Item key={index}>{item}</List.Item>
          ))}
        </List>
      );
    case 'fields':
      return (
        <Table className="doc-fields" withRowBorders verticalSpacing={6} horizontalSpacing="sm">
          <Table.Tbody>
            {block.rows.map((row, index) => (
              <Table.Tr key={index}>
                <Table.Th scope="row">{row.label}</Table.Th>
                <Table.Td>{row.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      );
    case 'table':
      return (
        <Table.ScrollContainer minWidth={480} className="doc-table-scroll">
          <Table className="doc-table" withTableBorder withColumnBorders striped verticalSpacing={6} horizontalSpacing="sm">
            {block.caption && <Table.Caption>{block.caption}</Table.Caption>}
            <Table.Thead>
              <Table.Tr>
                {block.columns.map((column, index) => (
                  <Table.Th key={index} scope="col">
                    {column}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {block.rows.map((row, index) => (
                <Table.Tr key={index}>
                  {row.map((cell, cellIndex) => (
                    <Table.Td key={cellIndex}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      );
  }
}
