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
    'cluster.duty.noLeader':
      'Nenhuma estação lidera o grupo de coleta "{group}" agora; nada foi executado. Tente de novo em instantes.',
    'cluster.duty.noAnswer':
      'A estação que lidera o grupo de coleta "{group}" não respondeu em {seconds} s; a ação foi cancelada.',
    'cluster.duty.leaderLost':
      'A estação que executava a ação pelo grupo de coleta "{group}" deixou de liderá-lo antes de terminar; confira o resultado e tente de novo.',
  },
  en: {
    'cluster.defaultGroup': 'Default group',
    'cluster.groupNameTaken': 'A poller group named "{name}" already exists.',
    'cluster.groupNotFound': 'Poller group {id} does not exist.',
    'cluster.defaultGroupStays':
      'The default group cannot be deleted: every device without another group is in it.',
    'cluster.sqliteOnly':
      'Poller groups share the work between workstations on a shared PostgreSQL; with SQLite there is one workstation.',
    'cluster.duty.noLeader':
      'No workstation leads poller group "{group}" right now; nothing was run. Try again in a moment.',
    'cluster.duty.noAnswer':
      'The workstation leading poller group "{group}" did not answer within {seconds} s; the action was cancelled.',
    'cluster.duty.leaderLost':
      'The workstation running the action for poller group "{group}" stopped leading it before it finished; check the result and try again.',
  },
});
