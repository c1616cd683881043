/**
 * The administrative units the seeds speak about: provinces, districts and (where an article names
 * them) communes, with the national statistics office's codes of the time (2-digit provinces,
 * 3-digit districts; the commune codes are plausible 5-digit codes in each district's range).
 *
 * @module generate/geography
 */

/** An administrative unit with its code, Vietnamese name and parent. */
export interface UnitSpec {
  readonly code: string
  readonly name: string
  readonly level: 'province' | 'district' | 'commune'
  readonly parent?: string
}

const province = (code: string, name: string): UnitSpec => ({ code, name, level: 'province' })
const district = (parent: string, code: string, name: string): UnitSpec => ({ code, name, level: 'district', parent })
const communes = (parent: string, firstCode: number, step: number, names: readonly string[]): UnitSpec[] =>
  names.map((name, k) => ({
    code: String(firstCode + k * step).padStart(5, '0'),
    name,
    level: 'commune' as const,
    parent,
  }))

/** Bình Thuận province and its ten districts, towns and city. */
export const BINH_THUAN: readonly UnitSpec[] = [
  province('60', 'Tỉnh Bình Thuận'),
  district('60', '593', 'Thành phố Phan Thiết'),
  district('60', '594', 'Thị xã La Gi'),
  district('60', '595', 'Huyện Tuy Phong'),
  district('60', '596', 'Huyện Bắc Bình'),
  district('60', '597', 'Huyện Hàm Thuận Bắc'),
  district('60', '598', 'Huyện Hàm Thuận Nam'),
  district('60', '599', 'Huyện Tánh Linh'),
  district('60', '600', 'Huyện Đức Linh'),
  district('60', '601', 'Huyện Hàm Tân'),
  district('60', '602', 'Huyện Phú Quí'),
]

/** The 21 communes and town of A Lưới in 2019, in the order of the district's commune table. */
export const A_LUOI_COMMUNE_NAMES: readonly string[] = [
  'Thị trấn A Lưới',
  'Xã Hồng Thủy',
  'Xã Hồng Vân',
  'Xã Hồng Trung',
  'Xã Hồng Kim',
  'Xã Hồng Bắc',
  'Xã Hồng Quảng',
  'Xã Hồng Thượng',
  'Xã Hồng Thái',
  'Xã Hương Phong',
  'Xã Hương Lâm',
  'Xã Hương Nguyên',
  'Xã Bắc Sơn',
  'Xã A Ngo',
  'Xã A Roằng',
  'Xã Đông Sơn',
  'Xã Sơn Thủy',
  'Xã Phú Vinh',
  'Xã Nhâm',
  'Xã Hồng Hạ',
  'Xã A Đớt',
]

/** Thừa Thiên Huế province, A Lưới district and its 21 communes. */
export const A_LUOI: readonly UnitSpec[] = [
  province('46', 'Tỉnh Thừa Thiên Huế'),
  district('46', '481', 'Huyện A Lưới'),
  ...communes('481', 20266, 3, A_LUOI_COMMUNE_NAMES),
]

/** The 29 communes and town of Thường Tín in 2023. */
export const THUONG_TIN_COMMUNE_NAMES: readonly string[] = [
  'Thị trấn Thường Tín',
  'Xã Ninh Sở',
  'Xã Nhị Khê',
  'Xã Duyên Thái',
  'Xã Khánh Hà',
  'Xã Hòa Bình',
  'Xã Văn Bình',
  'Xã Hiền Giang',
  'Xã Hồng Vân',
  'Xã Vân Tảo',
  'Xã Liên Phương',
  'Xã Văn Phú',
  'Xã Tự Nhiên',
  'Xã Tiền Phong',
  'Xã Hà Hồi',
  'Xã Thư Phú',
  'Xã Nguyễn Trãi',
  'Xã Quất Động',
  'Xã Chương Dương',
  'Xã Tân Minh',
  'Xã Lê Lợi',
  'Xã Thắng Lợi',
  'Xã Dũng Tiến',
  'Xã Thống Nhất',
  'Xã Nghiêm Xuyên',
  'Xã Tô Hiệu',
  'Xã Văn Tự',
  'Xã Vạn Điểm',
  'Xã Minh Cường',
]

/** Hà Nội, Thường Tín district and its 29 communes. */
export const THUONG_TIN: readonly UnitSpec[] = [
  province('01', 'Thành phố Hà Nội'),
  district('01', '279', 'Huyện Thường Tín'),
  ...communes('279', 10183, 3, THUONG_TIN_COMMUNE_NAMES),
]

/** Hải Phòng city and its 15 urban and rural districts. */
export const HAI_PHONG: readonly UnitSpec[] = [
  province('31', 'Thành phố Hải Phòng'),
  district('31', '303', 'Quận Hồng Bàng'),
  district('31', '304', 'Quận Ngô Quyền'),
  district('31', '305', 'Quận Lê Chân'),
  district('31', '306', 'Quận Hải An'),
  district('31', '307', 'Quận Kiến An'),
  district('31', '308', 'Quận Đồ Sơn'),
  district('31', '309', 'Quận Dương Kinh'),
  district('31', '311', 'Huyện Thuỷ Nguyên'),
  district('31', '312', 'Huyện An Dương'),
  district('31', '313', 'Huyện An Lão'),
  district('31', '314', 'Huyện Kiến Thuỵ'),
  district('31', '315', 'Huyện Tiên Lãng'),
  district('31', '316', 'Huyện Vĩnh Bảo'),
  district('31', '317', 'Huyện Cát Hải'),
  district('31', '318', 'Huyện Bạch Long Vĩ'),
]

/** The code of the unit named `name` in `units` (throws on a typo in a seed table). */
export const codeOf = (units: readonly UnitSpec[], name: string): string => {
  const u = units.find((x) => x.name === name)
  if (u === undefined) throw new Error(`no unit named ${name}`)
  return u.code
}
