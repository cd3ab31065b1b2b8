import type { Language, Stage } from './schema';

/**
 * Starting text that goes *into* an agreement (not UI chrome): default lifecycle stages and review agenda,
 * in the agreement's language. Paraphrased from the methodology; the group edits it during the workshop.
 */
type StageText = Pick<Stage, 'name' | 'definition'>;
interface DefaultContent {
  stages: Record<'lead' | 'mql' | 'sql' | 'opportunity' | 'customer', StageText>;
  reviewAgenda: string[];
  untitled: string;
  copySuffix: string;
  /** Added to the title of a version restored from a backup beside the current one; `{{date}}` is the backup's day. */
  restoredSuffix: string;
}

export const DEFAULT_CONTENT: Record<Language, DefaultContent> = {
  en: {
    stages: {
      lead: { name: 'Lead', definition: 'Any contact in our database who could one day become a customer. Marketing owns it; it is not passed to sales yet.' },
      mql: {
        name: 'Marketing Qualified Lead (MQL)',
        definition: 'A lead that has passed marketing’s qualification filter. Marketing still owns it and keeps nurturing it.',
      },
      sql: {
        name: 'Sales Qualified Lead (SQL)',
        definition: 'A lead that meets the requirements for sales to work it: authority, need, understanding of our value proposition and fit.',
      },
      opportunity: { name: 'Opportunity', definition: 'An SQL with whom sales has confirmed a concrete buying process and an expected deal.' },
      customer: { name: 'Customer', definition: 'An account that has signed and paid.' },
    },
    reviewAgenda: [
      'Results against targets since the last review',
      'Are the stage definitions and qualification criteria still right?',
      'Lead-handling protocol: what worked, what did not',
      'Targets and commitments for the next period',
    ],
    untitled: 'Untitled agreement',
    copySuffix: '(copy)',
    restoredSuffix: '(restored from the backup of {{date}})',
  },
  es: {
    stages: {
      lead: {
        name: 'Lead',
        definition: 'Cualquier contacto de nuestra base de datos que podría llegar a ser cliente. Es de marketing y todavía no se pasa a ventas.',
      },
      mql: {
        name: 'Lead calificado por marketing (MQL)',
        definition: 'Un lead que ya superó el filtro de calificación de marketing. Sigue siendo de marketing, que lo continúa nutriendo.',
      },
      sql: {
        name: 'Lead calificado por ventas (SQL)',
        definition: 'Un lead que reúne los requisitos para que ventas lo trabaje: autoridad, necesidad, comprensión de nuestra propuesta de valor y encaje.',
      },
      opportunity: { name: 'Oportunidad', definition: 'Un SQL con el que ventas confirmó un proceso de compra concreto y un negocio esperado.' },
      customer: { name: 'Cliente', definition: 'Una cuenta que ya firmó y pagó.' },
    },
    reviewAgenda: [
      'Resultados frente a las metas desde la última revisión',
      '¿Siguen vigentes las definiciones de etapas y los criterios de calificación?',
      'Protocolo de gestión de leads: qué funcionó y qué no',
      'Metas y compromisos para el próximo periodo',
    ],
    untitled: 'Acuerdo sin título',
    copySuffix: '(copia)',
    restoredSuffix: '(recuperado de la copia de seguridad del {{date}})',
  },
};
