import { ElMessage, ElMessageBox } from 'element-plus'
import { ref } from 'vue'
import { useSystemStore } from '../../stores/system'

/**
 * 「从备份恢复」 as the settings page and the start page use it: asks for confirmation (saying what
 * happens to the current data), restores, and reports where the previous database was kept.
 */
export function useRestore() {
  const system = useSystemStore()
  const restoring = ref<string | null>(null)

  /** `label` describes the backup in the dialog (its date, or its path). Resolves true when restored. */
  async function restore(file: string, label: string): Promise<boolean> {
    try {
      await ElMessageBox.confirm(
        `将用「${label}」替换当前数据库。恢复前会先检查备份是否完好，并把当前数据库另存到数据文件夹的 backups 里；` +
          '备份之后所做的修改在恢复后不再显示（仍保存在另存的副本中）。确定恢复吗？',
        '从备份恢复',
        { type: 'warning', confirmButtonText: '恢复', cancelButtonText: '取消' },
      )
    } catch {
      return false
    }
    restoring.value = file
    try {
      const result = await system.restore(file)
      ElMessage.success({
        message: result.safetyCopy ? `已恢复。恢复前的数据库已另存为 ${result.safetyCopy}` : '已恢复。',
        duration: 6000,
      })
      return true
    } catch (e) {
      await ElMessageBox.alert((e as Error).message, '未能恢复', { type: 'error', confirmButtonText: '知道了' })
      return false
    } finally {
      restoring.value = null
    }
  }

  return { restore, restoring }
}
