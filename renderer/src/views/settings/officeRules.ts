import type { FormRules } from 'element-plus'

const required = (label: string, max: number) => [
  { required: true, message: `请填写${label}`, trigger: 'blur' },
  { max, message: `${label}不能超过${max}个字`, trigger: 'blur' },
]

/** Client-side hints; the core validates again and has the last word. */
export const officeRules: FormRules = {
  fullName: required('机关全称', 60),
  shortName: required('规范简称', 30),
  mastheadText: required('发文机关标志', 60),
  county: required('所属县（区）', 30),
  superior: [{ max: 60, message: '上级机关不能超过60个字', trigger: 'blur' }],
  contactName: [{ max: 20, message: '联系人不能超过20个字', trigger: 'blur' }],
  contactPhone: [
    { max: 30, message: '电话不能超过30个字', trigger: 'blur' },
    { pattern: /^[0-9()（）\-－—\s,，/转]*$/, message: '电话只能包含数字、括号、短横线和“转”', trigger: 'blur' },
  ],
}
