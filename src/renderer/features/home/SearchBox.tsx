import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';

const SEARCH_DELAY_MS = 250;

/** Searching happens on the server (it matches title and company); typing is debounced to spare requests. */
export function SearchBox() {
  const { t } = useTranslation();
  const setListQuery = useAppStore((s) => s.setListQuery);
  const [text, setText] = useState(() => useAppStore.getState().listQuery);
  const [debounced] = useDebouncedValue(text, SEARCH_DELAY_MS);

  useEffect(() => {
    setListQuery(debounced);
  }, [debounced, setListQuery]);

  return (
    <TextInput
      type="search"
      aria-label={t('ui.home.search')}
      placeholder={t('ui.home.searchPlaceholder')}
      value={text}
      maxLength={200}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setText('');
      }}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={text ? <CloseButton size="sm" aria-label={t('ui.home.clearSearch')} onClick={() => setText('')} /> : null}
      style={{ flex: 1, maxWidth: 420 }}
    />
  );
}
