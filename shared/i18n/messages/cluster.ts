import { defineCatalog } from '../catalog';

/** Several instances on one PostgreSQL: poller groups and their leaders. */
export const clusterMessages = defineCatalog({
  'pt-BR': {
    'cluster.defaultGroup': 'Grupo padrão',
    'cluster.groupNameTaken': 'Já existe um grupo de coleta chamado "{name}".',
    'cluster.groupNotFound': 'O grupo de coleta {id} não existe.',
    'cluster.defaultGroupStays':
      'O grupo padrão não pode ser excluído: é o grupo de todo equipamento sem outro.',
    'cluster.sqliteOnly':
      'Grupos de coleta dividem o trabalho entre estações num PostgreSQL compartilhado; com SQLite há uma estação só.',
  },
  en: {
    'cluster.defaultGroup': 'Default group',
    'cluster.groupNameTaken': 'A poller group named "{name}" already exists.',
    'cluster.groupNotFound': 'Poller group {id} does not exist.',
    'cluster.defaultGroupStays':
      'The default group cannot be deleted: every device without another group is in it.',
    'cluster.sqliteOnly':
      'Poller groups share the work between workstations on a shared PostgreSQL; with SQLite there is one workstation.',
  },
});
