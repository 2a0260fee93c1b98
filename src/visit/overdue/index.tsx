import PageShell from '../../components/page-shell';
import TaskList from '../task-list';
import '../visit.scss';

/** 逾期督办: the office's view of the visits its villages missed, and the must-visits passed up to it. */
export default function OverdueTasks() {
  return (
    <PageShell className="visit-page overdue-tasks">
      <TaskList
        order={['overdue', 'today', 'week', 'all']}
        initial="overdue"
        intro="各村过了期限还没走访的任务，和超期后上报到镇里的必访任务。请督促或亲自上门。"
      />
    </PageShell>
  );
}
