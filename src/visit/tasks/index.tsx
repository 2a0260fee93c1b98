import PageShell from '../../components/page-shell';
import TaskList from '../task-list';
import '../visit.scss';

/** 走访任务: a cadre's or a helper's visits to make, today, this week, overdue. */
export default function VisitTasks() {
  return (
    <PageShell className="visit-page visit-tasks">
      <TaskList
        order={['today', 'week', 'overdue', 'all']}
        initial="today"
        intro="紧急的必访和逾期的任务排在最前面。点一项查看详情、记走访。"
      />
    </PageShell>
  );
}
