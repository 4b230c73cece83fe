import ColopassCore

/// A record's state as the reader's language says it. The raw value stays in `data-status` for
/// scripts and tests; an unknown one is shown as it is rather than hidden.
struct StatusLabel: TemplateModel {
    let raw: String
    let label: String

    static let labels: [String: Bilingual] = [
        "active": Bilingual(zh: "有效", en: "active"), "lost": Bilingual(zh: "已挂失", en: "lost"),
        "cancelled": Bilingual(zh: "已注销", en: "cancelled"), "expired": Bilingual(zh: "已过期", en: "expired"),
        "returned": Bilingual(zh: "已交回", en: "returned"), "draft": Bilingual(zh: "草稿", en: "draft"),
        "suspended": Bilingual(zh: "已暂停", en: "suspended"), "terminated": Bilingual(zh: "已终止", en: "terminated"),
        "departed": Bilingual(zh: "已离职", en: "departed"), "filed": Bilingual(zh: "已提交", en: "filed"),
        "approved": Bilingual(zh: "已批准", en: "approved"), "rejected": Bilingual(zh: "已驳回", en: "rejected"),
        "withdrawn": Bilingual(zh: "已撤回", en: "withdrawn"), "checked": Bilingual(zh: "已核对", en: "checked"),
        "issued": Bilingual(zh: "已下达", en: "issued"), "accepting": Bilingual(zh: "验收中", en: "accepting"),
        "closed": Bilingual(zh: "已关闭", en: "closed"), "pending": Bilingual(zh: "待验收", en: "pending"),
        "accepted": Bilingual(zh: "已接收", en: "accepted"), "refused": Bilingual(zh: "已拒收", en: "refused"),
        "short": Bilingual(zh: "短缺", en: "short"), "valid": Bilingual(zh: "有效", en: "valid"),
        "used": Bilingual(zh: "已使用", en: "used"), "completed": Bilingual(zh: "已完成", en: "completed"),
        "disabled": Bilingual(zh: "已停用", en: "disabled"), "revoked": Bilingual(zh: "已撤销", en: "revoked"),
        "awaiting_review": Bilingual(zh: "待复核", en: "awaiting review"), "reviewed": Bilingual(zh: "已复核", en: "reviewed"),
    ]
}
