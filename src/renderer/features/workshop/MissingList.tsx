import { Anchor, Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconPoint } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MissingItem } from '../../../shared/model/completeness';

interface Props {
  items: MissingItem[];
  onGo(item: MissingItem): void;
}

/** What is still missing; each entry takes the user to its field. */
export function MissingList({ items, onGo }: Props) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon size={22} radius="xl" color="teal" variant="light" aria-hidden>
          <IconCheck size={14} />
        </ThemeIcon>
        <Text c="teal.9" size="sm">
          {t('workshop.nothingMissing')}
        </Text>
      </Group>
    );
  }
  return (
    <List
      spacing={6}
      size="sm"
      icon={
        <ThemeIcon size={18} radius="xl" variant="light" color="orange" aria-hidden>
          <IconPoint size={12} />
        </ThemeIcon>
      }
    >
      {items.map((item) => {
        const text = t(item.key, item.params);
        return (
          <List.Item key={`${item.key}:${item.path.join('.')}`}>
            <Anchor
              component="button"
              type="button"
              size="sm"
              c="dark.6"
              onClick={() => onGo(item)}
              title={t('workshop.goToField', { item: text })}
              style={{ textAlign: 'left' }}
            >
              {text}
            </Anchor>
          </List.Item>
        );
      })}
    </List>
  );
}
