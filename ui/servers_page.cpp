#include "servers_page.h"

#include "server_probe.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace eikona::ui {

ServersPage::ServersPage(QWidget* parent) : QWidget(parent), m_probe(new backend::ServerProbe(this))
{
    setObjectName(QStringLiteral("serversPage"));
    const backend::RenderServers stored;
    for (const auto& server : stored.list())
        m_entries.append({server, stored.token(server.url.toString())});

    auto* layout = new QVBoxLayout(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("serverList"));
    m_list->setMinimumHeight(90);
    layout->addWidget(m_list);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addRow = [&](const char* text, QWidget* field) {
        auto* label = new QLabel(this);
        label->setBuddy(field);
        m_labels.append({label, text});
        form->addRow(label, field);
    };
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("serverNameEdit"));
    addRow(QT_TR_NOOP("Name"), m_name);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("serverUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("http://gpu-box:8188"));
    addRow(QT_TR_NOOP("Address"), m_url);
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("serverTokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    addRow(QT_TR_NOOP("Token"), m_token);
    layout->addLayout(form);

    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("addServerButton"));
    m_test = new QPushButton(this);
    m_test->setObjectName(QStringLiteral("testServerButton"));
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("removeServerButton"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_test);
    buttons->addStretch();
    buttons->addWidget(m_remove);
    layout->addLayout(buttons);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("serverTestResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("serverSecurityNote"));
    m_note->setWordWrap(true);
    m_note->setEnabled(false); // dimmed: a note, not a control
    layout->addWidget(m_note);
    layout->addStretch();

    connect(m_list, &QListWidget::currentRowChanged, this, &ServersPage::fillFields);
    connect(m_add, &QPushButton::clicked, this, &ServersPage::addServer);
    connect(m_remove, &QPushButton::clicked, this, &ServersPage::removeServer);
    connect(m_test, &QPushButton::clicked, this, &ServersPage::testConnection);
    connect(m_url, &QLineEdit::returnPressed, this, &ServersPage::testConnection);
    connect(m_probe, &backend::ServerProbe::answered, this, &ServersPage::showResult);
    refreshList();
    if (!m_entries.isEmpty())
        m_list->setCurrentRow(0); // its fields filled, ready to test or change
    retranslate();
}

QList<backend::RenderServer> ServersPage::servers() const
{
    QList<backend::RenderServer> servers;
    for (const auto& entry : m_entries)
        servers.append(entry.server);
    return servers;
}

QString ServersPage::testResult() const
{
    return m_result->text();
}

QString ServersPage::apply()
{
    backend::RenderServers stored;
    for (const auto& url : std::as_const(m_removed))
        stored.remove(url);
    for (const auto& entry : std::as_const(m_entries))
        if (const auto problem = stored.save(entry.server, entry.token); !problem.isEmpty())
            return problem;
    m_removed.clear();
    return {};
}

void ServersPage::refreshList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const auto& entry : std::as_const(m_entries))
        m_list->addItem(QStringLiteral("%1 — %2").arg(entry.server.name, entry.server.url.toString()));
    m_remove->setEnabled(m_list->currentRow() >= 0);
}

void ServersPage::fillFields(int row)
{
    m_remove->setEnabled(row >= 0);
    if (row < 0 || row >= m_entries.size())
        return;
    m_name->setText(m_entries[row].server.name);
    m_url->setText(m_entries[row].server.url.toString());
    m_token->setText(m_entries[row].token);
    m_result->clear();
}

void ServersPage::addServer()
{
    const auto url = backend::RenderServers::normalised(m_url->text());
    if (url.isEmpty()) {
        m_result->setText(tr("“%1” is not a server address: write it as http://HOST:PORT or https://HOST.")
                              .arg(m_url->text().trimmed()));
        m_url->setFocus();
        return;
    }
    const auto name = m_name->text().trimmed().isEmpty() ? QUrl(url).host() : m_name->text().trimmed();
    const Entry entry{{name, QUrl(url)}, m_token->text().trimmed()};
    int row = -1;
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].server.url.toString() == url)
            row = i;
    if (row >= 0)
        m_entries[row] = entry;
    else {
        m_entries.append(entry);
        row = static_cast<int>(m_entries.size()) - 1;
    }
    m_removed.removeAll(url);
    refreshList();
    m_list->setCurrentRow(row);
    testConnection(); // a new server is checked at once
}

void ServersPage::removeServer()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_entries.size())
        return;
    m_removed.append(m_entries[row].server.url.toString());
    m_entries.removeAt(row);
    refreshList();
    m_name->clear();
    m_url->clear();
    m_token->clear();
    m_result->setText(tr("Removed. Cancel keeps it."));
}

void ServersPage::testConnection()
{
    const auto url = backend::RenderServers::normalised(m_url->text());
    if (url.isEmpty()) {
        m_result->setText(tr("“%1” is not a server address: write it as http://HOST:PORT or https://HOST.")
                              .arg(m_url->text().trimmed()));
        return;
    }
    m_result->setText(tr("Asking %1…").arg(url));
    m_test->setEnabled(false);
    m_probe->probe(url, m_token->text().trimmed());
}

void ServersPage::showResult(const backend::ServerProbeResult& result)
{
    m_test->setEnabled(true);
    if (!result.error.isEmpty()) {
        m_result->setText(tr("No connection: %1").arg(result.error));
        return;
    }
    m_result->setText(
        tr("Connected: %1. %n checkpoint(s).", nullptr, static_cast<int>(result.checkpoints.size()))
            .arg(describe(result)));
}

QString ServersPage::describe(const backend::ServerProbeResult& result)
{
    QStringList parts{
        QStringLiteral("ComfyUI %1").arg(result.version.isEmpty() ? QStringLiteral("?") : result.version)};
    const auto gigabytes = [](qint64 bytes) {
        return QLocale().toString(static_cast<double>(bytes) / 1e9, 'f', 1);
    };
    for (const auto& device : result.devices)
        parts << (device.totalBytes > 0
                      ? tr("%1, %2 of %3 GB free", "a GPU's name, its free and total memory")
                            .arg(device.name, gigabytes(device.freeBytes), gigabytes(device.totalBytes))
                      : device.name);
    return parts.join(QStringLiteral(" · "));
}

void ServersPage::retranslate()
{
    for (const auto& [label, text] : std::as_const(m_labels))
        label->setText(tr(text));
    m_list->setAccessibleName(tr("Render servers"));
    m_list->setToolTip(tr("ComfyUI servers jobs can run on; choose one beside the Generate button"));
    m_name->setAccessibleName(tr("Server name"));
    m_name->setPlaceholderText(tr("Studio GPU"));
    m_url->setAccessibleName(tr("Server address"));
    m_url->setToolTip(tr("The address ComfyUI listens on, e.g. http://gpu-box:8188"));
    m_token->setAccessibleName(tr("Server token"));
    m_token->setPlaceholderText(tr("Only for a proxy that asks for one"));
    m_token->setToolTip(tr("Sent as a bearer token; kept in a file only you can read"));
    m_add->setText(tr("Add or update"));
    m_add->setAccessibleName(tr("Add or update server"));
    m_test->setText(tr("Test connection"));
    m_test->setAccessibleName(tr("Test connection"));
    m_remove->setText(tr("Remove"));
    m_remove->setAccessibleName(tr("Remove server"));
    m_note->setText(tr("ComfyUI has no login of its own: anyone who reaches its port can use it. Reach it "
                       "through an SSH tunnel, or a proxy that asks for a token."));
}

void ServersPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace eikona::ui
