import ColopassCore

/// What the page says after an action's redirect (`?done=…`): a fixed sentence per action, looked
/// up by key, so the URL chooses a message but never supplies its text. An unknown key says "Done".
enum DoneMessages {
    static let messages: [String: Bilingual] = [
        "accepted": Bilingual(zh: "已验收", en: "Accepted"),
        "acknowledged": Bilingual(zh: "已确认", en: "Acknowledged"),
        "activated": Bilingual(zh: "合同已生效", en: "The contract is in force"),
        "added": Bilingual(zh: "设备已添加到工单", en: "The equipment is on the order"),
        "approved": Bilingual(zh: "已批准", en: "Approved"),
        "called": Bilingual(zh: "回访已记录", en: "The follow-up call is recorded"),
        "cancelled": Bilingual(zh: "已撤销", en: "Cancelled"),
        "checked": Bilingual(zh: "已核对", en: "Checked"),
        "closed": Bilingual(zh: "验收已结束", en: "Acceptance is over"),
        "contract": Bilingual(zh: "合同已登记", en: "The contract is registered"),
        "created": Bilingual(zh: "工单草稿已创建，请添加设备后下达", en: "The draft is made: add its equipment, then issue it"),
        "disabled": Bilingual(zh: "账户已停用", en: "The account is disabled"),
        "filed": Bilingual(zh: "已提交", en: "Filed"),
        "ip": Bilingual(zh: "已加一个 IP", en: "One more IP assigned"),
        "issued": Bilingual(zh: "已办理", en: "Issued"),
        "logged": Bilingual(zh: "已记录", en: "Recorded"),
        "lost": Bilingual(zh: "已挂失，此卡已作废", en: "Reported lost: the card is revoked"),
        "opened": Bilingual(zh: "工单已开立", en: "The ticket is open"),
        "password": Bilingual(zh: "密码已修改，请用新密码登录", en: "Password changed: sign in with the new one"),
        "person": Bilingual(zh: "人员已登记", en: "The person is registered"),
        "pool": Bilingual(zh: "地址池已添加", en: "The pool is added"),
        "port": Bilingual(zh: "已加一个端口", en: "One more port assigned"),
        "refused": Bilingual(zh: "已拒收", en: "Refused"),
        "registered": Bilingual(zh: "客户已登记", en: "The client is registered"),
        "rejected": Bilingual(zh: "已驳回", en: "Rejected"),
        "reissued": Bilingual(zh: "已补办", en: "Reissued"),
        "returned": Bilingual(zh: "已收回", en: "Returned"),
        "reviewed": Bilingual(zh: "已复核", en: "Reviewed"),
        "sent": Bilingual(zh: "工单已下达机房", en: "The order is issued to the room"),
        "set": Bilingual(zh: "已设置", en: "Set"),
        "surveyed": Bilingual(zh: "需求调查已记录", en: "The needs survey is recorded"),
        "suspended": Bilingual(zh: "合同已暂停", en: "The contract is suspended"),
    ]

    static func message(_ key: String) -> Bilingual { messages[key] ?? Bilingual(zh: "已完成", en: "Done") }
}
